package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * At most one server pod is evicted at a time. maxUnavailable rather than minAvailable: with a single replica,
 * minAvailable 1 would block node drains forever.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class ServerPodDisruptionBudgetDependentResource extends UpdatableOwnedResource<PodDisruptionBudget> {

    public ServerPodDisruptionBudgetDependentResource() {
        super(PodDisruptionBudget.class);
    }

    @Override
    public PodDisruptionBudget desired(MemoryServer primary, Inputs inputs) {
        return new PodDisruptionBudgetBuilder()
                .withMetadata(Metadata.of(primary, Names.server(primary), Labels.COMPONENT_SERVER))
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withNewSelector().withMatchLabels(Labels.selector(primary, Labels.COMPONENT_SERVER)).endSelector()
                .endSpec()
                .build();
    }
}
