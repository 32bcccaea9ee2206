package dev.minmemory.server.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How hybrid search fuses its two candidate lists, the same for every store: each list's raw scores (cosine for the
 * dense side, BM25 for the keyword side) are min-max normalised over that list's candidates, then weighted,
 * {@code relevance = w·dense + (1 − w)·keyword}, in [0, 1]. A list whose scores are all equal (one hit, say: an
 * identifier found once) normalises to 1, never 0; an empty list contributes nothing and the other list's weight
 * becomes 1, so that relevance still reaches 1. Rank fusion (RRF) was measured to bury dense-only finds under
 * BM25's long tail (docs/RETRIEVAL_PROTOTYPES.md).
 * <p>
 * A query made of identifiers (an error code, a version, an address, a config key) is fused with less dense weight
 * ({@link #forQuery}): its vector says little about the one memory that holds the exact string, which the keyword side
 * finds, often as its only hit. With the fixed weight that hit got at most the keyword share, 0.4, while the nearest
 * vector got 0.6 from the dense side alone, so a version or an address asked for bare was not first.
 */
public final class ScoreFusion {

    /**
     * How much of the dense weight a query made only of identifiers gives to the keyword side: the smallest shift
     * measured that ranks every bare identifier of the labelled set first (docs/BENCHMARKS.md).
     */
    static final double IDENTIFIER_SHIFT = 0.5;

    private final double denseWeight;

    /** @param denseWeight the dense side's share of relevance, 0..1 ({@code memory.search.dense-weight}) */
    public ScoreFusion(double denseWeight) {
        if (!(denseWeight >= 0 && denseWeight <= 1)) {
            throw new IllegalArgumentException(
                    "memory.search.dense-weight must be between 0 and 1, was " + denseWeight);
        }
        this.denseWeight = denseWeight;
    }

    /**
     * The fusion for this query: the dense weight shrinks by {@value #IDENTIFIER_SHIFT} times the share of the query's
     * words that are identifier-shaped ({@link IdentifierTokens}), so that a bare identifier is ranked mostly by its
     * exact matches and a question mentioning one date or number among its words keeps most of its dense weight.
     */
    public ScoreFusion forQuery(String query) {
        double share = IdentifierTokens.share(query);
        return share == 0 ? this : new ScoreFusion(denseWeight * (1 - IDENTIFIER_SHIFT * share));
    }

    /** A fused candidate: its key and relevance in [0, 1], 1 only for the best of both lists. */
    public record Fused<K>(K key, double relevance) {
    }

    /**
     * The best {@code limit} candidates of both lists by relevance; ties go to the higher dense score, then to the
     * smaller key, so that a ranking is reproducible.
     */
    public <K extends Comparable<K>> List<Fused<K>> fuse(List<Scored<K>> dense, List<Scored<K>> keyword,
            int limit) {
        double w = keyword.isEmpty() ? 1 : dense.isEmpty() ? 0 : denseWeight;
        Map<K, Double> relevance = new HashMap<>();
        Map<K, Double> denseScores = new HashMap<>();
        addNormalised(dense, w, relevance);
        addNormalised(keyword, 1 - w, relevance);
        dense.forEach(candidate -> denseScores.put(candidate.key(), candidate.score()));
        List<Fused<K>> fused = new ArrayList<>(relevance.size());
        // w + (1 − w) can round to just above 1.
        relevance.forEach((key, score) -> fused.add(new Fused<>(key, Math.min(1, score))));
        fused.sort(Comparator.comparingDouble((Fused<K> f) -> f.relevance()).reversed()
                .thenComparing(f -> denseScores.getOrDefault(f.key(), Double.NEGATIVE_INFINITY),
                        Comparator.reverseOrder())
                .thenComparing(Fused::key));
        return fused.size() > limit ? List.copyOf(fused.subList(0, limit)) : fused;
    }

    private static <K> void addNormalised(List<Scored<K>> candidates, double weight, Map<K, Double> relevance) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Scored<K> candidate : candidates) {
            min = Math.min(min, candidate.score());
            max = Math.max(max, candidate.score());
        }
        for (Scored<K> candidate : candidates) {
            double normalised = max == min ? 1 : (candidate.score() - min) / (max - min);
            relevance.merge(candidate.key(), weight * normalised, Double::sum);
        }
    }
}
