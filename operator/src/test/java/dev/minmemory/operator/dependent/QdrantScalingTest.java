package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

class QdrantScalingTest {

    @Test
    void aNewMemoryServerAndAScaleUpNeedNoAcknowledgement() {
        var none = QdrantScaling.Decision.none();

        assertThat(QdrantScaling.decide(withReplicas(3), Optional.empty(), List::of)).isEqualTo(none);
        assertThat(QdrantScaling.decide(withReplicas(3), running(1), NO_PODS)).isEqualTo(none);
        assertThat(QdrantScaling.decide(withReplicas(3), running(3), NO_PODS)).isEqualTo(none);
    }

    @Test
    void aScaleDownWithoutAcknowledgementKeepsTheReplicasAndSaysWhichPodsHoldShardsAndWhatToDo() {
        var decision = QdrantScaling.decide(withReplicas(1), running(3), NO_PODS);

        assertThat(decision.keptReplicas()).contains(3);
        assertThat(decision.refusal()).contains("qdrant.replicas cannot drop from 3 to 1 before the shards on pods "
                + "memory-qdrant-1 to -2 are moved: their only copies would be lost. Move them with Qdrant's cluster "
                + "API, then annotate the MemoryServer minmemory.dev/qdrant-scale-down-to=1 (DEPLOYMENT_RUNBOOK.md, "
                + "Scaling Qdrant). The StatefulSet keeps 3 replicas");
    }

    @Test
    void whileTheStatefulSetIsBeingRecreatedThePodsStillRunningCount() {
        var pods = List.of(pod("memory-qdrant-0"), pod("memory-qdrant-1"), pod("memory-qdrant-2"));

        assertThat(QdrantScaling.decide(withReplicas(1), Optional.empty(), () -> pods).keptReplicas()).contains(3);
    }

    @Test
    void removingOnePodNamesThatPod() {
        assertThat(QdrantScaling.decide(withReplicas(2), running(3), NO_PODS).refusal().orElseThrow())
                .contains("before the shards on pod memory-qdrant-2 are moved");
    }

    @Test
    void anAcknowledgementOfExactlyTheNewCountLetsTheScaleDownThrough() {
        var ms = withReplicas(1);
        ms.getMetadata().setAnnotations(Map.of(QdrantScaling.SCALE_DOWN_ANNOTATION, "1"));

        assertThat(QdrantScaling.decide(ms, running(3), NO_PODS)).isEqualTo(QdrantScaling.Decision.none());
    }

    @Test
    void anAcknowledgementOfAnotherCountDoesNotCountForThisScaleDown() {
        var ms = withReplicas(1);
        ms.getMetadata().setAnnotations(Map.of(QdrantScaling.SCALE_DOWN_ANNOTATION, "2"));

        assertThat(QdrantScaling.decide(ms, running(3), NO_PODS).keptReplicas()).contains(3);
    }

    private static final Supplier<List<Pod>> NO_PODS = () -> {
        throw new AssertionError("pods are read only while the StatefulSet is absent");
    };

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().build();
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
