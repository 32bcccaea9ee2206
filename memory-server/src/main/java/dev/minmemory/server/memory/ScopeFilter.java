package dev.minmemory.server.memory;

/**
 * Selects the memories of one scope; a null project or task id matches any. Several of them together express the
 * hierarchy: global, plus one project, plus one task of that project.
 */
public record ScopeFilter(Scope scope, String project, String taskId) {

    public static ScopeFilter global() {
        return new ScopeFilter(Scope.GLOBAL, null, null);
    }

    public static ScopeFilter project(String project) {
        return new ScopeFilter(Scope.PROJECT, project, null);
    }

    public static ScopeFilter task(String project, String taskId) {
        return new ScopeFilter(Scope.TASK, project, taskId);
    }
}
