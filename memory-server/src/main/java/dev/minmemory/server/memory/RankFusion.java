package dev.minmemory.server.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How hybrid search fuses its two candidate lists, the same for every store: reciprocal rank fusion, each list
 * adding {@code 1 / (K + rank)} (rank from 1) to a candidate's score. Relevance is the fused score scaled to 0..1,
 * 1 being first in both lists.
 */
public final class RankFusion {

    /** The usual reciprocal rank fusion constant. */
    public static final int K = 60;
    private static final double BEST_FUSED_SCORE = 2.0 / (K + 1);

    private RankFusion() {
    }

    /**
     * The candidates of both lists, best fused score first; equal scores in key order, so that a ranking is
     * reproducible.
     */
    public static <T extends Comparable<T>> List<Scored<T>> fuse(HybridCandidates<T> candidates) {
        Map<T, Double> fused = new HashMap<>();
        for (List<Scored<T>> ranking : List.of(candidates.dense(), candidates.keyword())) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                fused.merge(ranking.get(rank).key(), 1.0 / (K + rank + 1), Double::sum);
            }
        }
        return fused.entrySet().stream()
                .map(entry -> new Scored<>(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingDouble((Scored<T> scored) -> scored.score()).reversed()
                        .thenComparing(Scored::key))
                .toList();
    }

    /** A fused score as the relevance a search hit reports: 0..1, 1 for the first candidate of both lists. */
    public static double relevance(double fusedScore) {
        return fusedScore / BEST_FUSED_SCORE;
    }
}
