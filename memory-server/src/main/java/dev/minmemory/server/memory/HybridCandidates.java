package dev.minmemory.server.memory;

import java.util.List;

/**
 * What each side of a hybrid search found, best first, with the raw score it was found by (a similarity for the
 * dense side, BM25 for the keyword side): what {@link RankFusion} fuses.
 */
public record HybridCandidates<T>(List<Scored<T>> dense, List<Scored<T>> keyword) {

    public HybridCandidates {
        dense = List.copyOf(dense);
        keyword = List.copyOf(keyword);
    }
}
