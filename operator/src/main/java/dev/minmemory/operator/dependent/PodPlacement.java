package dev.minmemory.operator.dependent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.WorkloadSpec;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;

/** The spec's placement and pod metadata settings, applied to a workload's pod template. */
final class PodPlacement {

    static final String HOSTNAME = "kubernetes.io/hostname";

    private PodPlacement() {
    }

    /** Pod metadata: the spec's labels and annotations, under the operator's own, which win. */
    static ObjectMeta podMetadata(MemoryServer ms, String component, WorkloadSpec workload,
            Map<String, String> annotations) {
        var labels = new LinkedHashMap<>(workload.getPodLabels());
        labels.putAll(Labels.of(ms, component));
        var allAnnotations = new LinkedHashMap<>(workload.getPodAnnotations());
        allAnnotations.putAll(annotations);
        return new ObjectMetaBuilder().withLabels(labels).withAnnotations(allAnnotations).build();
    }

    static void apply(PodSpecBuilder pod, MemoryServer ms, String component, WorkloadSpec workload) {
        var scheduling = workload.getScheduling();
        pod.withNodeSelector(scheduling.getNodeSelector().isEmpty() ? null : scheduling.getNodeSelector())
                .withAffinity(scheduling.getAffinity())
                .withTolerations(scheduling.getTolerations())
                .withTopologySpreadConstraints(spread(ms, component, scheduling.getTopologySpreadConstraints()))
                .withPriorityClassName(scheduling.getPriorityClassName())
                .withImagePullSecrets(workload.getImagePullSecrets());
    }

    /** By default, replicas spread over nodes; a constraint without a selector selects this workload's pods. */
    private static List<TopologySpreadConstraint> spread(MemoryServer ms, String component,
            List<TopologySpreadConstraint> requested) {
        var selector = new LabelSelectorBuilder().withMatchLabels(Labels.selector(ms, component)).build();
        if (requested.isEmpty()) {
            return List.of(new TopologySpreadConstraintBuilder()
                    .withTopologyKey(HOSTNAME).withMaxSkew(1).withWhenUnsatisfiable("ScheduleAnyway")
                    .withLabelSelector(selector)
                    .build());
        }
        return requested.stream()
                .map(constraint -> constraint.getLabelSelector() != null ? constraint
                        : new TopologySpreadConstraintBuilder(constraint).withLabelSelector(selector).build())
                .toList();
    }
}
