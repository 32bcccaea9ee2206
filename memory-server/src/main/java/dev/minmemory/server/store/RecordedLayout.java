package dev.minmemory.server.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.minmemory.server.memory.EmbeddingScheme;
import dev.minmemory.server.memory.IndexLayout;

/** How a store writes its {@link IndexLayout} down: as string entries, the same keys in every store. */
public final class RecordedLayout {

    static final String EMBEDDING_MODEL = "layout.embedding_model";
    static final String EMBEDDING_SCHEME = "layout.embedding_scheme";
    static final String KEYWORD_ANALYSIS = "layout.keyword_analysis";
    static final String REEMBEDDING = "layout.reembedding";

    private RecordedLayout() {
    }

    public static Map<String, String> entries(IndexLayout layout) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(EMBEDDING_MODEL, layout.embeddingModel());
        entries.put(EMBEDDING_SCHEME, layout.embeddingScheme().id());
        entries.put(KEYWORD_ANALYSIS, layout.keywordAnalysis());
        entries.put(REEMBEDDING, Boolean.toString(layout.reembedding()));
        return entries;
    }

    /** The layout these entries record; empty if they record none (a store made before layouts were recorded). */
    public static Optional<IndexLayout> from(Map<String, String> entries) {
        if (!entries.containsKey(EMBEDDING_MODEL)) {
            return Optional.empty();
        }
        return Optional.of(new IndexLayout(entries.get(EMBEDDING_MODEL),
                EmbeddingScheme.fromId(entries.get(EMBEDDING_SCHEME)), entries.get(KEYWORD_ANALYSIS),
                Boolean.parseBoolean(entries.get(REEMBEDDING))));
    }
}
