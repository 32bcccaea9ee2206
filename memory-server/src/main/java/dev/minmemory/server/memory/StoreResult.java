package dev.minmemory.server.memory;

import java.util.List;

/**
 * The id a store produced, and whether it is an existing memory that makes the same statement rather than a new one.
 * {@code candidates}: memories of the same scope and entity, similar to a newly stored one but not the same
 * statement, nearest first, which the new memory may refine, contradict or supersede.
 */
public record StoreResult(String id, boolean duplicate, double similarity, List<SearchHit> candidates) {

    public StoreResult {
        candidates = List.copyOf(candidates);
    }
}
