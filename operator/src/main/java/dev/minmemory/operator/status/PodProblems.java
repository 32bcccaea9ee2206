package dev.minmemory.operator.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/**
 * Why pods do not become ready, in the words kubectl would use: a container waiting in CrashLoopBackOff,
 * ImagePullBackOff and the like, or a pod the scheduler cannot place. Readiness counts alone do not tell an operator
 * of the platform where to look.
 */
final class PodProblems {

    /** Waiting reasons that are the normal way through a start, not a problem. */
    private static final List<String> STARTING = List.of("ContainerCreating", "PodInitializing");

    private PodProblems() {
    }

    static Optional<String> describe(List<Pod> pods) {
        var problems = new ArrayList<String>();
        for (Pod pod : pods) {
            problem(pod).ifPresent(problem -> problems.add("pod " + pod.getMetadata().getName() + ": " + problem));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static Optional<String> problem(Pod pod) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        Optional<String> unschedulable = pod.getStatus().getConditions().stream()
                .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
                        && "Unschedulable".equals(c.getReason()))
                .map(PodCondition::getMessage)
                .map(message -> "Pending, unschedulable: " + message)
                .findFirst();
        if (unschedulable.isPresent()) {
            return unschedulable;
        }
        return Stream.concat(pod.getStatus().getInitContainerStatuses().stream(),
                pod.getStatus().getContainerStatuses().stream())
                .map(PodProblems::waiting)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> waiting(ContainerStatus container) {
        if (container.getState() == null || container.getState().getWaiting() == null) {
            return Optional.empty();
        }
        var waiting = container.getState().getWaiting();
        if (waiting.getReason() == null || STARTING.contains(waiting.getReason())) {
            return Optional.empty();
        }
        String message = waiting.getMessage() == null ? "" : " (" + waiting.getMessage() + ")";
        return Optional.of("container " + container.getName() + " " + waiting.getReason() + message);
    }
}
