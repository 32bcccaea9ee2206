package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** NetworkPolicies exist only while spec.networkPolicy.enabled; switching it off deletes them. */
public class NetworkPolicyEnabled implements Condition<NetworkPolicy, MemoryServer> {

    @Override
    public boolean isMet(DependentResource<NetworkPolicy, MemoryServer> dependentResource, MemoryServer primary,
            Context<MemoryServer> context) {
        return primary.getSpec().getNetworkPolicy().isEnabled();
    }
}
