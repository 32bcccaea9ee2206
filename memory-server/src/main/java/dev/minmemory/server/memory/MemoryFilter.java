package dev.minmemory.server.memory;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which of a user's live memories an operation looks at. Empty {@code scopes} or {@code memoryTypes} mean "any";
 * a null {@code status} means any status; a null {@code createdAfter} (inclusive) or {@code createdBefore}
 * (exclusive) means no bound; {@code excludeSuperseded} leaves out memories that another one supersedes.
 * Soft-deleted memories never match.
 */
public record MemoryFilter(List<ScopeFilter> scopes, Set<MemoryType> memoryTypes, String status, Instant createdAfter,
        Instant createdBefore, boolean excludeSuperseded) {

    public static final MemoryFilter ALL = new MemoryFilter(List.of(), Set.of(), null, null, null, false);

    public MemoryFilter {
        scopes = List.copyOf(scopes);
        memoryTypes = Set.copyOf(memoryTypes);
    }

    public static MemoryFilter of(List<ScopeFilter> scopes) {
        return new MemoryFilter(scopes, Set.of(), null, null, null, false);
    }

    /** What an entity listing looks at: the scopes of {@link Scopes#forListing}, of one type if given. */
    public static MemoryFilter forListing(Scope scope, String project, MemoryType memoryType) {
        return new MemoryFilter(Scopes.forListing(scope, project), memoryType == null ? Set.of() : Set.of(memoryType),
                null, null, null, false);
    }

    /** This filter without the memories that another one supersedes. */
    public MemoryFilter withoutSuperseded() {
        return new MemoryFilter(scopes, memoryTypes, status, createdAfter, createdBefore, true);
    }

    /** Whether a memory passes this filter, as the stores' queries decide it (liveness is checked apart). */
    public boolean matches(Memory memory) {
        return (scopes.isEmpty() || scopes.stream().anyMatch(scope -> scope.matches(memory)))
                && (memoryTypes.isEmpty() || memoryTypes.contains(memory.memoryType()))
                && (status == null || status.equals(memory.status()))
                && (createdAfter == null || !memory.createdAt().isBefore(createdAfter))
                && (createdBefore == null || memory.createdAt().isBefore(createdBefore))
                && !(excludeSuperseded && memory.supersededBy() != null);
    }
}
