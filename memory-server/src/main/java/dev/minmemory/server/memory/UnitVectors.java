package dev.minmemory.server.memory;

/** Embeddings are L2-normalised, so their cosine similarity is their dot product. */
public final class UnitVectors {

    private UnitVectors() {
    }

    public static double cosine(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
