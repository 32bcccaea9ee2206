package dev.minmemory.server.memory;

import java.util.List;

/**
 * Turns text into dense vectors. Vectors are L2-normalised, so cosine similarity is their dot product.
 * Texts longer than the model's input window are truncated, not rejected.
 */
public interface Embedder {

    int dimension();

    /** @throws IllegalArgumentException if the text is null or blank */
    float[] embed(String text);

    /**
     * Embeds many texts with as few model calls as possible; the result is in input order.
     *
     * @throws IllegalArgumentException if any text is null or blank
     */
    List<float[]> embedAll(List<String> texts);
}
