package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The Ingress exists only while spec.ingress.enabled; disabling it deletes the Ingress. */
public class IngressEnabled implements Condition<Ingress, MemoryServer> {

    @Override
    public boolean isMet(DependentResource<Ingress, MemoryServer> dependentResource, MemoryServer primary,
            Context<MemoryServer> context) {
        return primary.getSpec().getIngress().isEnabled();
    }
}
