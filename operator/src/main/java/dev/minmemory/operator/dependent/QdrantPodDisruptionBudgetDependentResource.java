package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** At most one Qdrant pod is evicted at a time, so a replicated shard always keeps a copy online. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantPodDisruptionBudgetDependentResource extends UpdatableOwnedResource<PodDisruptionBudget> {

    public QdrantPodDisruptionBudgetDependentResource() {
        super(PodDisruptionBudget.class);
    }

    @Override
    public PodDisruptionBudget desired(MemoryServer primary, Inputs inputs) {
        return new PodDisruptionBudgetBuilder()
                .withMetadata(Metadata.of(primary, Names.qdrant(primary), Labels.COMPONENT_QDRANT))
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withNewSelector().withMatchLabels(Labels.selector(primary, Labels.COMPONENT_QDRANT)).endSelector()
                .endSpec()
                .build();
    }
}
