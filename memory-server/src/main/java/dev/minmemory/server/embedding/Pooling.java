package dev.minmemory.server.embedding;

import java.nio.FloatBuffer;

/** How a model's per-token hidden states become one L2-normalised sentence embedding. */
enum Pooling {
    /** The first ([CLS]) token's state: what bge models are trained to produce. */
    CLS {
        @Override
        float[] pooled(FloatBuffer hidden, long[] attentionMask, int row, int columns, int dimension) {
            float[] cls = new float[dimension];
            hidden.get(row * columns * dimension, cls);
            return cls;
        }
    },
    /** The mean of the states of the tokens the attention mask keeps, padding left out: what e5 models use. */
    MEAN {
        @Override
        float[] pooled(FloatBuffer hidden, long[] attentionMask, int row, int columns, int dimension) {
            float[] sum = new float[dimension];
            for (int token = 0; token < columns; token++) {
                if (attentionMask[row * columns + token] == 0) {
                    continue;
                }
                int offset = (row * columns + token) * dimension;
                for (int d = 0; d < dimension; d++) {
                    sum[d] += hidden.get(offset + d);
                }
            }
            // Dividing by the token count would not change the direction, and the vector is normalised next.
            return sum;
        }
    };

    /**
     * The embedding of one row (text) of a [rows, columns, dimension] output whose attention mask is [rows, columns].
     */
    float[] embedding(FloatBuffer hidden, long[] attentionMask, int row, int columns, int dimension) {
        return normalised(pooled(hidden, attentionMask, row, columns, dimension));
    }

    abstract float[] pooled(FloatBuffer hidden, long[] attentionMask, int row, int columns, int dimension);

    private static float[] normalised(float[] vector) {
        double sumOfSquares = 0;
        for (float v : vector) {
            sumOfSquares += v * v;
        }
        float inverseNorm = (float) (1 / Math.sqrt(sumOfSquares));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= inverseNorm;
        }
        return vector;
    }
}
