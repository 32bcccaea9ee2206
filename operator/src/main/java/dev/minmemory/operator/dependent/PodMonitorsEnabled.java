package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The PodMonitors exist only while spec.monitoring.podMonitor.enabled; switching it off deletes them. */
public class PodMonitorsEnabled implements Condition<PodMonitor, MemoryServer> {

    @Override
    public boolean isMet(DependentResource<PodMonitor, MemoryServer> dependentResource, MemoryServer primary,
            Context<MemoryServer> context) {
        return primary.getSpec().getMonitoring().getPodMonitor().isEnabled();
    }
}
