package dev.minmemory.server.memory;

import java.time.Instant;
import java.util.Set;

/**
 * A semantic retrieval. Without a scope it is hierarchical: a task searches task, project and global memories; a
 * project searches project and global memories; neither searches everything. A scope restricts to that level.
 * Memories another one supersedes are left out unless {@code includeSuperseded}; {@code createdAfter} (inclusive)
 * and {@code createdBefore} (exclusive) bound the creation time when given.
 */
public record RetrieveRequest(String query, Scope scope, Set<MemoryType> memoryTypes, String project, String taskId,
        String status, boolean includeRelated, int limit, double scoreThreshold, double recencyWeight,
        boolean includeSuperseded, Instant createdAfter, Instant createdBefore) {

    public MemoryFilter filter() {
        return new MemoryFilter(Scopes.forRetrieval(scope, project, taskId), memoryTypes, status, createdAfter,
                createdBefore, !includeSuperseded);
    }
}
