package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

class QdrantScalingTest {

    @Test
    void aNewMemoryServerAndAScaleUpNeedNoAcknowledgement() {
        assertThat(QdrantScaling.decide(withReplicas(3), Optional.empty())).isEqualTo(QdrantScaling.Decision.none());
        assertThat(QdrantScaling.decide(withReplicas(3), running(1))).isEqualTo(QdrantScaling.Decision.none());
        assertThat(QdrantScaling.decide(withReplicas(3), running(3))).isEqualTo(QdrantScaling.Decision.none());
    }

    @Test
    void aScaleDownWithoutAcknowledgementKeepsTheReplicasAndSaysWhichPodsHoldShardsAndWhatToDo() {
        var decision = QdrantScaling.decide(withReplicas(1), running(3));

        assertThat(decision.keptReplicas()).contains(3);
        assertThat(decision.refusal()).contains("qdrant.replicas cannot drop from 3 to 1 before the shards on pods "
                + "memory-qdrant-1 to -2 are moved: their only copies would be lost. Move them with Qdrant's cluster "
                + "API, then annotate the MemoryServer minmemory.dev/qdrant-scale-down-to=1 (DEPLOYMENT_RUNBOOK.md, "
                + "Scaling Qdrant). The StatefulSet keeps 3 replicas");
    }

    @Test
    void removingOnePodNamesThatPod() {
        assertThat(QdrantScaling.decide(withReplicas(2), running(3)).refusal().orElseThrow())
                .contains("before the shards on pod memory-qdrant-2 are moved");
    }

    @Test
    void anAcknowledgementOfExactlyTheNewCountLetsTheScaleDownThrough() {
        var ms = withReplicas(1);
        ms.getMetadata().setAnnotations(Map.of(QdrantScaling.SCALE_DOWN_ANNOTATION, "1"));

        assertThat(QdrantScaling.decide(ms, running(3))).isEqualTo(QdrantScaling.Decision.none());
    }

    @Test
    void anAcknowledgementOfAnotherCountDoesNotCountForThisScaleDown() {
        var ms = withReplicas(1);
        ms.getMetadata().setAnnotations(Map.of(QdrantScaling.SCALE_DOWN_ANNOTATION, "2"));

        assertThat(QdrantScaling.decide(ms, running(3)).keptReplicas()).contains(3);
    }

    private static MemoryServer withReplicas(int replicas) {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().setReplicas(replicas);
        return ms;
    }

    private static Optional<StatefulSet> running(int replicas) {
        return Optional.of(new StatefulSetBuilder().withNewSpec().withReplicas(replicas).endSpec().build());
    }
}
