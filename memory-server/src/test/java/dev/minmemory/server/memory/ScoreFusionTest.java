package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.minmemory.server.memory.ScoreFusion.Fused;

class ScoreFusionTest {

    private final ScoreFusion fusion = new ScoreFusion(0.6);

    @Test
    void theBestOfBothListsHasRelevanceOneAndTheWorstOfBothZero() {
        List<Fused<String>> fused = fusion.fuse(
                List.of(scored("a", 0.9), scored("b", 0.7), scored("c", 0.5)),
                List.of(scored("a", 12.0), scored("b", 7.0), scored("c", 2.0)), 10);

        assertThat(fused).extracting(Fused::key).containsExactly("a", "b", "c");
        assertRelevances(fused, 1.0, 0.5, 0.0);
    }

    @Test
    void rawScoresCountNotOnlyRanks() {
        List<Fused<String>> fused = fusion.fuse(
                List.of(scored("a", 0.90), scored("b", 0.89), scored("c", 0.10)),
                List.of(scored("c", 9.0), scored("b", 8.9), scored("a", 1.0)), 10);

        // b is close to the top of both lists; a and c each top one and sit at the bottom of the other.
        assertThat(fused.get(0).key()).isEqualTo("b");
        assertThat(fused.get(0).relevance()).isCloseTo(0.6 * 0.79 / 0.8 + 0.4 * 7.9 / 8, offset(1e-12));
    }

    @Test
    void aListWithOneHitGivesItFullMarksNotZero() {
        List<Fused<String>> fused = fusion.fuse(
                List.of(scored("a", 0.9), scored("b", 0.5), scored("id", 0.1)),
                List.of(scored("id", 4.2)), 10);

        assertThat(fused).extracting(Fused::key).containsExactly("a", "id", "b");
        assertThat(fused.get(1).relevance()).isCloseTo(0.4, offset(1e-12));
    }

    @Test
    void aListWhoseScoresAreAllEqualGivesEveryHitFullMarks() {
        List<Fused<String>> fused = fusion.fuse(
                List.of(scored("a", 0.8), scored("b", 0.8)),
                List.of(scored("a", 3.0), scored("b", 3.0)), 10);

        assertRelevances(fused, 1.0, 1.0);
    }

    @Test
    void withoutKeywordHitsTheDenseListAloneDecidesAndStillReachesOne() {
        List<Fused<String>> fused = fusion.fuse(List.of(scored("a", 0.9), scored("b", 0.6), scored("c", 0.3)),
                List.of(), 10);

        assertThat(fused).extracting(Fused::key).containsExactly("a", "b", "c");
        assertRelevances(fused, 1.0, 0.5, 0.0);
    }

    @Test
    void withoutDenseHitsTheKeywordListAloneDecidesAndStillReachesOne() {
        List<Fused<String>> fused = fusion.fuse(List.of(), List.of(scored("a", 10.0), scored("b", 5.0)), 10);

        assertThat(fused).extracting(Fused::key).containsExactly("a", "b");
        assertRelevances(fused, 1.0, 0.0);
    }

    @Test
    void nothingFoundFusesToNothing() {
        assertThat(fusion.fuse(List.<Scored<String>>of(), List.of(), 10)).isEmpty();
    }

    @Test
    void disjointListsInterleaveByTheirWeights() {
        List<Fused<String>> fused = fusion.fuse(
                List.of(scored("d1", 0.9), scored("d2", 0.5)),
                List.of(scored("k1", 20.0), scored("k2", 10.0)), 10);

        assertThat(fused).extracting(Fused::key).containsExactly("d1", "k1", "d2", "k2");
        assertRelevances(fused, 0.6, 0.4, 0.0, 0.0);
    }

    @Test
    void identicalListsKeepTheirOrderWithRelevanceTheNormalisedScore() {
        List<Scored<String>> list = List.of(scored("a", 4.0), scored("b", 3.0), scored("c", 0.0));

        List<Fused<String>> fused = fusion.fuse(list, list, 10);

        assertThat(fused).extracting(Fused::key).containsExactly("a", "b", "c");
        assertThat(fused.get(1).relevance()).isCloseTo(0.75, offset(1e-12));
    }

    @Test
    void weightOneRanksByTheDenseListAloneAndKeywordOnlyHitsComeLast() {
        List<Fused<String>> fused = new ScoreFusion(1).fuse(
                List.of(scored("a", 0.9), scored("b", 0.5)),
                List.of(scored("k", 20.0), scored("b", 10.0)), 10);

        assertThat(fused).extracting(Fused::key).containsExactly("a", "b", "k");
        assertRelevances(fused, 1.0, 0.0, 0.0);
    }

    @Test
    void weightZeroRanksByTheKeywordListAloneWithTiesBrokenByTheDenseScore() {
        List<Fused<String>> fused = new ScoreFusion(0).fuse(
                List.of(scored("a", 0.9), scored("b", 0.5)),
                List.of(scored("k", 20.0), scored("b", 10.0)), 10);

        assertThat(fused).extracting(Fused::key).containsExactly("k", "a", "b");
        assertRelevances(fused, 1.0, 0.0, 0.0);
    }

    @Test
    void equalRelevanceGoesToTheHigherDenseScoreThenToTheSmallerKey() {
        List<Fused<Integer>> fused = fusion.fuse(
                List.of(scored(9, 0.7), scored(5, 0.7), scored(1, 0.2)),
                List.of(scored(1, 5.0), scored(7, 5.0)), 10);

        // 9 and 5 tie at 0.6 on the dense side alone; 1 and 7 at 0.4 on the keyword side, 1 also found by dense.
        assertThat(fused).extracting(Fused::key).containsExactly(5, 9, 1, 7);
        assertThat(fusion.fuse(List.of(scored(9, 0.7), scored(5, 0.7), scored(1, 0.2)),
                List.of(scored(7, 5.0), scored(1, 5.0)), 10)).isEqualTo(fused);
    }

    @Test
    void onlyTheLimitBestAreReturned() {
        assertThat(fusion.fuse(List.of(scored("a", 0.9), scored("b", 0.5), scored("c", 0.1)), List.of(), 2))
                .extracting(Fused::key).containsExactly("a", "b");
    }

    @Test
    void aBareIdentifierFoundOnlyByKeywordRanksAboveTheNearestVectors() {
        List<Scored<String>> dense = List.of(scored("near", 0.8), scored("middle", 0.6), scored("id", 0.4));
        List<Scored<String>> keyword = List.of(scored("id", 6.0));

        assertThat(fusion.fuse(dense, keyword, 10)).extracting(Fused::key).first().isEqualTo("near");
        List<Fused<String>> fused = fusion.forQuery("10.42.17.1").fuse(dense, keyword, 10);

        assertThat(fused).extracting(Fused::key).containsExactly("id", "near", "middle");
        assertRelevances(fused, 0.7, 0.3, 0.15);
    }

    @Test
    void aQuestionMentioningOneIdentifierKeepsMostOfItsDenseWeight() {
        List<Fused<String>> fused = fusion.forQuery("what broke in 3.4.11").fuse(
                List.of(scored("a", 0.9), scored("b", 0.5)), List.of(scored("b", 3.0)), 10);

        // One word in four is identifier-shaped: dense weight 0.6 · (1 − 0.5 · 0.25) = 0.525.
        assertRelevances(fused, 0.525, 0.475);
    }

    @Test
    void aQueryWithoutIdentifiersIsFusedWithTheConfiguredWeight() {
        assertThat(fusion.forQuery("Which foods can I not eat?")).isSameAs(fusion);
    }

    @Test
    void aWeightOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new ScoreFusion(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memory.search.dense-weight");
        assertThatThrownBy(() -> new ScoreFusion(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRelevances(List<? extends Fused<?>> fused, double... expected) {
        assertThat(fused).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(fused.get(i).relevance()).as("relevance %d", i).isCloseTo(expected[i], offset(1e-12));
        }
    }

    private static <K> Scored<K> scored(K key, double score) {
        return new Scored<>(key, score);
    }
}
