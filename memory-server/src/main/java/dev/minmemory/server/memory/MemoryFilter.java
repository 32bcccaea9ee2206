package dev.minmemory.server.memory;

import java.util.List;
import java.util.Set;

/**
 * Which of a user's live memories an operation looks at. Empty {@code scopes} or {@code memoryTypes} mean "any";
 * a null {@code status} means any status. Soft-deleted memories never match.
 */
public record MemoryFilter(List<ScopeFilter> scopes, Set<MemoryType> memoryTypes, String status) {

    public static final MemoryFilter ALL = new MemoryFilter(List.of(), Set.of(), null);

    public MemoryFilter {
        scopes = List.copyOf(scopes);
        memoryTypes = Set.copyOf(memoryTypes);
    }

    public static MemoryFilter of(List<ScopeFilter> scopes) {
        return new MemoryFilter(scopes, Set.of(), null);
    }

    /** What an entity listing looks at: the scopes of {@link Scopes#forListing}, of one type if given. */
    public static MemoryFilter forListing(Scope scope, String project, MemoryType memoryType) {
        return new MemoryFilter(Scopes.forListing(scope, project), memoryType == null ? Set.of() : Set.of(memoryType),
                null);
    }

    /** Whether a memory passes this filter, as the stores' queries decide it (liveness is checked apart). */
    public boolean matches(Memory memory) {
        return (scopes.isEmpty() || scopes.stream().anyMatch(scope -> scope.matches(memory)))
                && (memoryTypes.isEmpty() || memoryTypes.contains(memory.memoryType()))
                && (status == null || status.equals(memory.status()));
    }
}
