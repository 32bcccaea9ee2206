package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation condition: the PodMonitor dependents, and their informers, exist only once the cluster serves the kind,
 * so the operator starts and works without prometheus-operator.
 */
public class PodMonitorKindServed implements Condition<PodMonitor, MemoryServer> {

    @Override
    public boolean isMet(DependentResource<PodMonitor, MemoryServer> dependentResource, MemoryServer primary,
            Context<MemoryServer> context) {
        return ServedKinds.serves(context.getClient(), PodMonitor.class);
    }
}
