package dev.minmemory.operator.dependent;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Qdrant's replicas go down only when someone has said that the shards of the pods that go away were moved. The
 * operator cannot see Qdrant's shard placement (only the server's pods may reach Qdrant), and a removed pod takes
 * the only copy of every shard it held with it. So a scale-down waits for the annotation
 * {@value #SCALE_DOWN_ANNOTATION} on the MemoryServer naming exactly the new replica count; until then the
 * StatefulSet keeps the replicas it has, every other change still applies, and the status says what to do.
 */
public final class QdrantScaling {

    public static final String SCALE_DOWN_ANNOTATION = "minmemory.dev/qdrant-scale-down-to";

    private QdrantScaling() {
    }

    /**
     * @param keptReplicas the replicas the StatefulSet keeps instead of the spec's, when the scale-down was refused
     * @param refusal why the spec's replicas were not applied
     */
    public record Decision(Optional<Integer> keptReplicas, Optional<String> refusal) {

        public static Decision none() {
            return new Decision(Optional.empty(), Optional.empty());
        }
    }

    /**
     * @param pods the Qdrant pods, read only while the StatefulSet is absent: between its deletion for a recreation
     *        and its creation, they are what a new StatefulSet with fewer replicas would leave behind
     */
    public static Decision decide(MemoryServer ms, Optional<StatefulSet> current, Supplier<List<Pod>> pods) {
        int have = current.map(statefulSet -> statefulSet.getSpec().getReplicas()).orElseGet(() -> pods.get().size());
        int want = ms.getSpec().getQdrant().getReplicas();
        if (want >= have) {
            return Decision.none();
        }
        String acknowledged = ms.getMetadata().getAnnotations() == null ? null
                : ms.getMetadata().getAnnotations().get(SCALE_DOWN_ANNOTATION);
        if (Integer.toString(want).equals(acknowledged)) {
            return Decision.none();
        }
        String removed = want == have - 1 ? "pod " + Names.qdrant(ms) + "-" + want
                : "pods " + Names.qdrant(ms) + "-" + want + " to -" + (have - 1);
        return new Decision(Optional.of(have), Optional.of("qdrant.replicas cannot drop from " + have + " to " + want
                + " before the shards on " + removed + " are moved: their only copies would be lost. Move them with "
                + "Qdrant's cluster API, then annotate the MemoryServer " + SCALE_DOWN_ANNOTATION + "=" + want
                + " (DEPLOYMENT_RUNBOOK.md, Scaling Qdrant). The StatefulSet keeps " + have + " replicas"));
    }
}
