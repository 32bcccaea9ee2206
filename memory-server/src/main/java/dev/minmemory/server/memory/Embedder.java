package dev.minmemory.server.memory;

import java.util.List;

/**
 * Turns text into dense vectors. Vectors are L2-normalised, so cosine similarity is their dot product.
 * Texts longer than the model's input window are truncated, not rejected. Questions and the passages they should
 * find are embedded apart, for models trained with a different prefix on each side.
 */
public interface Embedder {

    /** The model the vectors come from; vectors of different models are not comparable. */
    String modelId();

    int dimension();

    /**
     * The cosine from which a memory of the same entity counts as a candidate correction of a new one, when
     * {@code memory.candidate-threshold} is not set: where the model's corrections of one fact end and its unrelated
     * facts of one entity begin differs from model to model.
     */
    double candidateSimilarity();

    /**
     * A question to search with.
     *
     * @throws IllegalArgumentException if the text is null or blank
     */
    float[] embedQuery(String text);

    /**
     * A text to be found: what {@link EmbeddingScheme} makes of a memory.
     *
     * @throws IllegalArgumentException if the text is null or blank
     */
    float[] embedPassage(String text);

    /**
     * Embeds many passages with as few model calls as possible; the result is in input order.
     *
     * @throws IllegalArgumentException if any text is null or blank
     */
    List<float[]> embedPassages(List<String> texts);
}
