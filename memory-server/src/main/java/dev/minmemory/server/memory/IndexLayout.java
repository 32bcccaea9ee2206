package dev.minmemory.server.memory;

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

    /**
     * A store with no record was made before layouts were recorded: bare-text vectors and the standard analysis. Its
     * model was not recorded either; the configured one is the best guess, since changing it needed a new store.
     */
    public static IndexLayout legacy(String configuredModel) {
        return new IndexLayout(configuredModel, EmbeddingScheme.TEXT, LEGACY_KEYWORD_ANALYSIS);
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
