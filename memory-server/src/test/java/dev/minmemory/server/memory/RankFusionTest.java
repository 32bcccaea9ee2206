package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

class RankFusionTest {

    @Test
    void firstInBothListsIsTheMostRelevantPossible() {
        List<Scored<String>> fused = RankFusion.fuse(new HybridCandidates<>(
                List.of(new Scored<>("a", 0.9), new Scored<>("b", 0.8)),
                List.of(new Scored<>("a", 12.0), new Scored<>("c", 3.0))));

        assertThat(fused).extracting(Scored::key).containsExactly("a", "b", "c");
        assertThat(RankFusion.relevance(fused.get(0).score())).isCloseTo(1.0, offset(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / (RankFusion.K + 2), offset(1e-12));
    }

    @Test
    void onlyTheRanksCountNotTheRawScoresAndTiesFollowTheKeys() {
        List<Scored<Integer>> fused = RankFusion.fuse(new HybridCandidates<>(
                List.of(new Scored<>(7, 0.1)), List.of(new Scored<>(3, 1000.0))));

        assertThat(fused).extracting(Scored::key).containsExactly(3, 7);
        assertThat(fused.get(0).score()).isEqualTo(fused.get(1).score());
    }
}
