package dev.minmemory.operator.status;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.minmemory.operator.crd.MemoryServerStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/**
 * Builds the next status from the previous one. A condition keeps its lastTransitionTime while its status stays
 * the same, so that an unchanged world yields an equal status and no patch.
 */
public final class StatusAggregator {

    private final MemoryServerStatus previous;
    private final long generation;
    private final Clock clock;

    public StatusAggregator(MemoryServerStatus previous, long generation, Clock clock) {
        this.previous = previous == null ? new MemoryServerStatus() : previous;
        this.generation = generation;
        this.clock = clock;
    }

    /** Status of a spec the operator refused: Ready is false with the problems; nothing else changes. */
    public MemoryServerStatus invalidSpec(List<String> problems) {
        var conditions = new ArrayList<>(previous.getConditions());
        conditions.removeIf(condition -> ConditionTypes.READY.equals(condition.getType()));
        conditions.add(0, condition(new ComponentState(ConditionTypes.READY, false, "InvalidSpec",
                "the spec is invalid: " + String.join("; ", problems))));
        return status(previous.getEndpoint(), conditions);
    }

    /**
     * Status after a reconciliation: one condition per component, and Ready when all of them are.
     *
     * @param extras conditions that Ready does not depend on (the endpoint serves without them)
     */
    public MemoryServerStatus components(String endpoint, List<ComponentState> components,
            List<ComponentState> extras) {
        var conditions = new ArrayList<Condition>();
        conditions.add(condition(readiness(components)));
        components.forEach(component -> conditions.add(condition(component)));
        extras.forEach(extra -> conditions.add(condition(extra)));
        return status(endpoint, conditions);
    }

    /** Status after a failed reconciliation: Ready is false with the error; the rest is what was last seen. */
    public MemoryServerStatus failed(String message) {
        var conditions = new ArrayList<>(previous.getConditions());
        conditions.removeIf(condition -> ConditionTypes.READY.equals(condition.getType()));
        conditions.add(0, condition(new ComponentState(ConditionTypes.READY, false, "ReconcileFailed", message)));
        return status(previous.getEndpoint(), conditions);
    }

    private static ComponentState readiness(List<ComponentState> components) {
        var waiting = components.stream().filter(component -> !component.ready()).toList();
        if (waiting.isEmpty()) {
            return ComponentState.ready(ConditionTypes.READY, "AllComponentsReady", "the MCP endpoint is serving");
        }
        return ComponentState.notReady(ConditionTypes.READY, waiting.get(0).reason(), waiting.stream()
                .map(component -> component.type() + ": " + component.message())
                .collect(Collectors.joining("; ")));
    }

    private MemoryServerStatus status(String endpoint, List<Condition> conditions) {
        var status = new MemoryServerStatus();
        status.setObservedGeneration(generation);
        status.setEndpoint(endpoint);
        status.setConditions(conditions);
        return status;
    }

    private Condition condition(ComponentState state) {
        String status = state.ready() ? "True" : "False";
        String lastTransition = find(state.type())
                .filter(old -> status.equals(old.getStatus()))
                .map(Condition::getLastTransitionTime)
                .orElseGet(this::now);
        return new ConditionBuilder()
                .withType(state.type())
                .withStatus(status)
                .withReason(state.reason())
                .withMessage(state.message())
                .withObservedGeneration(generation)
                .withLastTransitionTime(lastTransition)
                .build();
    }

    private Optional<Condition> find(String type) {
        return previous.getConditions().stream().filter(condition -> type.equals(condition.getType())).findFirst();
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
