package dev.minmemory.server.memory;

import java.time.Duration;
import java.time.Instant;

/**
 * The original server's recency weighting: score = relevance·(1−w) + 2^(−age/30 days)·w. With w = 0, pure relevance.
 */
final class RecencyScore {

    private static final double HALF_LIFE_DAYS = 30.0;

    private RecencyScore() {
    }

    static double combine(double relevance, Instant updatedAt, Instant now, double weight) {
        double ageDays = Math.max(0, Duration.between(updatedAt, now).toMillis() / 86_400_000.0);
        double recency = Math.exp(-Math.log(2) * ageDays / HALF_LIFE_DAYS);
        return relevance * (1 - weight) + recency * weight;
    }
}
