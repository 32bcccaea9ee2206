package dev.minmemory.server.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A semantic retrieval. Without a scope it is hierarchical: a task searches task, project and global memories; a
 * project searches project and global memories; neither searches everything. A scope restricts to that level.
 */
public record RetrieveRequest(String query, Scope scope, Set<MemoryType> memoryTypes, String project, String taskId,
        String status, boolean includeRelated, int limit, double scoreThreshold, double recencyWeight) {

    public MemoryFilter filter() {
        return new MemoryFilter(scopes(), memoryTypes, status);
    }

    private List<ScopeFilter> scopes() {
        if (scope != null) {
            return List.of(switch (scope) {
                case GLOBAL -> ScopeFilter.global();
                case PROJECT -> ScopeFilter.project(project);
                case TASK -> ScopeFilter.task(project, taskId);
            });
        }
        if (taskId != null && project == null) {
            throw new MemoryRequestException("task_id needs project: tasks belong to a project. Pass project too, or"
                    + " scope 'task' to search that task id in every project.");
        }
        List<ScopeFilter> levels = new ArrayList<>();
        if (project != null) {
            levels.add(ScopeFilter.global());
            levels.add(ScopeFilter.project(project));
        }
        if (taskId != null) {
            levels.add(ScopeFilter.task(project, taskId));
        }
        return levels;
    }
}
