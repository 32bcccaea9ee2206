package dev.minmemory.server.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Every rule about scopes, in one place: where a memory belongs (a global memory has no project, only a task memory
 * has a task id) and which scopes a request looks at.
 */
public final class Scopes {

    private Scopes() {
    }

    /**
     * One level: global memories (a project, if given, does not narrow them: they belong to none), one project's
     * memories, or one task's; a null project or task id matches any.
     */
    public static ScopeFilter level(Scope scope, String project, String taskId) {
        return switch (scope) {
            case GLOBAL -> ScopeFilter.global();
            case PROJECT -> ScopeFilter.project(project);
            case TASK -> ScopeFilter.task(project, taskId);
        };
    }

    /**
     * What a retrieval searches. An explicit scope restricts to that level; otherwise it is hierarchical: a task
     * searches task, project and global memories, a project project and global ones, neither everything.
     */
    public static List<ScopeFilter> forRetrieval(Scope scope, String project, String taskId) {
        if (scope != null) {
            return List.of(level(scope, project, taskId));
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

    /**
     * What an entity listing looks at: an explicit scope is that level, as for a retrieval; a project alone is the
     * project's own memories (its tasks included); neither is everything.
     */
    public static List<ScopeFilter> forListing(Scope scope, String project) {
        if (scope != null) {
            return List.of(level(scope, project, null));
        }
        return project == null ? List.of() : ofProject(project);
    }

    /**
     * What a person's listing shows, exactly what is asked (no hierarchy): an explicit scope is that level; a task id
     * alone that task (in the project, if given); a project alone the project's own memories; nothing everything.
     */
    public static List<ScopeFilter> forBrowsing(Scope scope, String project, String taskId) {
        if (scope != null) {
            return List.of(level(scope, project, taskId));
        }
        if (taskId != null) {
            return List.of(ScopeFilter.task(project, taskId));
        }
        return project == null ? List.of() : ofProject(project);
    }

    /** One level in every project, or everything without a scope: what an entity name search looks at. */
    public static List<ScopeFilter> inEveryProject(Scope scope) {
        return scope == null ? List.of() : List.of(level(scope, null, null));
    }

    /** A project's own memories: the project's and its tasks'. */
    public static List<ScopeFilter> ofProject(String project) {
        return List.of(ScopeFilter.project(project), ScopeFilter.task(project, null));
    }

    /** Where a memory of this scope belongs: the project and task id it keeps, the others dropped. */
    public static ScopeFilter placement(Scope scope, String project, String taskId) {
        requireContext(scope, project, taskId);
        return new ScopeFilter(scope, scope == Scope.GLOBAL ? null : project, scope == Scope.TASK ? taskId : null);
    }

    private static void requireContext(Scope scope, String project, String taskId) {
        if ((scope == Scope.PROJECT || scope == Scope.TASK) && project == null) {
            throw new MemoryRequestException("scope '" + scope.wireName() + "' needs project: name the project the"
                    + " memory belongs to, or use scope 'global'.");
        }
        if (scope == Scope.TASK && taskId == null) {
            throw new MemoryRequestException("scope 'task' needs task_id: name the task, or use scope 'project'.");
        }
    }
}
