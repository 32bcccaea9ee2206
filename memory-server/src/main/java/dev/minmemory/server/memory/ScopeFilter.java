package dev.minmemory.server.memory;

/**
 * Selects the memories of one scope; a null project or task id matches any. Several of them together express the
 * hierarchy: global, plus one project, plus one task of that project.
 */
public record ScopeFilter(Scope scope, String project, String taskId) {

    /** Whether a memory belongs to this scope (and to its project and task, where they are given). */
    public boolean matches(Memory memory) {
        return memory.scope() == scope && (project == null || project.equals(memory.project()))
                && (taskId == null || taskId.equals(memory.taskId()));
    }

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
