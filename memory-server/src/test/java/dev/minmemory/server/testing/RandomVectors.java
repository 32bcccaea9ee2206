package dev.minmemory.server.testing;

import java.util.Random;

/** Random unit vectors of the model's 384 dimensions, for stores that need a vector but not a meaning. */
public final class RandomVectors {

    private RandomVectors() {
    }

    public static float[] unit(Random random) {
        float[] v = new float[384];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
