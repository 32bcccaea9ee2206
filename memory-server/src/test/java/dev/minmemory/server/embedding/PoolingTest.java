package dev.minmemory.server.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;

import org.junit.jupiter.api.Test;

class PoolingTest {

    /** Two texts of up to three tokens, two dimensions; the second text is one token shorter, padded. */
    private static final FloatBuffer HIDDEN = FloatBuffer.wrap(new float[] {
            3, 0, /* */ 0, 4, /* */ 1, 1,
            0, 2, /* */ 2, 0, /* */ 100, 100 });
    private static final long[] MASK = { 1, 1, 1, 1, 1, 0 };

    @Test
    void clsTakesTheFirstTokensStateNormalised() {
        assertThat(Pooling.CLS.embedding(HIDDEN, MASK, 0, 3, 2)).containsExactly(1f, 0f);
        assertThat(Pooling.CLS.embedding(HIDDEN, MASK, 1, 3, 2)).containsExactly(0f, 1f);
    }

    @Test
    void meanAveragesTheStatesOfTheUnmaskedTokensNormalised() {
        // (3+0+1, 0+4+1) = (4, 5); the padding's (100, 100) is left out: (0+2, 2+0) = (2, 2).
        float[] first = Pooling.MEAN.embedding(HIDDEN, MASK, 0, 3, 2);
        float[] second = Pooling.MEAN.embedding(HIDDEN, MASK, 1, 3, 2);

        assertThat(first[0]).isCloseTo((float) (4 / Math.sqrt(41)), within(1e-6f));
        assertThat(first[1]).isCloseTo((float) (5 / Math.sqrt(41)), within(1e-6f));
        assertThat(second[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(second[1]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
    }
}
