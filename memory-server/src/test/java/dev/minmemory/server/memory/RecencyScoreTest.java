package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RecencyScoreTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void withoutWeightTheScoreIsTheRelevance() {
        assertThat(RecencyScore.combine(0.42, NOW.minus(Duration.ofDays(400)), NOW, 0)).isEqualTo(0.42);
    }

    @Test
    void recencyHalvesEveryThirtyDays() {
        assertThat(RecencyScore.combine(0, NOW, NOW, 1)).isCloseTo(1.0, offset(1e-9));
        assertThat(RecencyScore.combine(0, NOW.minus(Duration.ofDays(30)), NOW, 1)).isCloseTo(0.5, offset(1e-9));
        assertThat(RecencyScore.combine(0, NOW.minus(Duration.ofDays(60)), NOW, 1)).isCloseTo(0.25, offset(1e-9));
    }

    @Test
    void theWeightBlendsRelevanceAndRecencyAsTheOriginalDid() {
        assertThat(RecencyScore.combine(0.8, NOW.minus(Duration.ofDays(30)), NOW, 0.3))
                .isCloseTo(0.8 * 0.7 + 0.5 * 0.3, offset(1e-9));
    }
}
