package dev.minmemory.operator.status;

/** The observed state of one component, before it becomes a condition. */
public record ComponentState(String type, boolean ready, String reason, String message) {

    public static ComponentState ready(String type, String reason, String message) {
        return new ComponentState(type, true, reason, message);
    }

    public static ComponentState notReady(String type, String reason, String message) {
        return new ComponentState(type, false, reason, message);
    }
}
