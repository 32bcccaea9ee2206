package dev.minmemory.server.embedding;

final class Vectors {

    private Vectors() {
    }

    /** Cosine similarity of two unit vectors. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    static double norm(float[] v) {
        return Math.sqrt(cosine(v, v));
    }
}
