package dev.minmemory.server.memory;

/**
 * One page of a person's own listing: every argument but the limit may be null (no restriction); {@code entity} and
 * {@code tag} match exactly; {@code cursor} is the {@code nextCursor} of the previous page.
 */
public record BrowseRequest(Scope scope, String project, String taskId, MemoryType memoryType, String entity,
        String tag, String cursor, int limit) {
}
