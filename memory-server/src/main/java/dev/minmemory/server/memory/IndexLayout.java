package dev.minmemory.server.memory;

import java.util.List;
import java.util.Objects;

/**
 * What a store's vectors and keyword index were made with, recorded in the store itself: vectors of another model or
 * {@link EmbeddingScheme} do not compare with new ones, and keyword terms of another analysis do not match a new
 * question's terms. {@code reembedding} is set while a {@link Reembedding} runs, whose vectors are a mix of the old
 * layout and this one until it finishes.
 */
public record IndexLayout(String embeddingModel, EmbeddingScheme embeddingScheme, String keywordAnalysis,
        boolean reembedding) {

    /** The keyword analysis of every store made before layouts were recorded: Standard with 33 stop words. */
    public static final String LEGACY_KEYWORD_ANALYSIS = "standard";

    public IndexLayout {
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        Objects.requireNonNull(embeddingScheme, "embeddingScheme");
        Objects.requireNonNull(keywordAnalysis, "keywordAnalysis");
    }

    public IndexLayout(String embeddingModel, EmbeddingScheme embeddingScheme, String keywordAnalysis) {
        this(embeddingModel, embeddingScheme, keywordAnalysis, false);
    }

    /** The models a store could be made with before layouts were recorded; the first was the default. */
    private static final List<String> MODELS_BEFORE_LAYOUTS = List.of("bge-small-en-v1.5-q", "bge-small-en-v1.5");

    /**
     * A store with no record was made before layouts were recorded: bare-text vectors and the standard analysis. Its
     * model was not recorded either: the configured one if it is a model of that time (changing it needed a new
     * store), else that time's default, bge int8; so a store made then is neither mistaken for one of today's
     * default model nor served with another model's queries.
     */
    public static IndexLayout legacy(String configuredModel) {
        String model = MODELS_BEFORE_LAYOUTS.contains(configuredModel) ? configuredModel
                : MODELS_BEFORE_LAYOUTS.get(0);
        return new IndexLayout(model, EmbeddingScheme.TEXT, LEGACY_KEYWORD_ANALYSIS);
    }

    public IndexLayout withKeywordAnalysis(String analysis) {
        return new IndexLayout(embeddingModel, embeddingScheme, analysis, reembedding);
    }

    /** This layout, marked as the target of a re-embedding that has started but not finished. */
    public IndexLayout whileReembedding() {
        return new IndexLayout(embeddingModel, embeddingScheme, keywordAnalysis, true);
    }

    @Override
    public String toString() {
        return "model " + embeddingModel + ", scheme " + embeddingScheme.id() + ", keyword analysis "
                + keywordAnalysis + (reembedding ? " (re-embedding unfinished)" : "");
    }
}
