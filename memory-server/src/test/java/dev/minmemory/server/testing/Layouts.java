package dev.minmemory.server.testing;

import dev.minmemory.server.memory.EmbeddingScheme;
import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.store.KeywordText;

/** The layouts tests open stores with. */
public final class Layouts {

    /** What a store made now records when embedded with the tests' model, bge int8 (the default before e5). */
    public static final IndexLayout NEW_STORE = new IndexLayout("bge-small-en-v1.5-q", EmbeddingScheme.ENTITY_TEXT,
            KeywordText.ANALYSIS);

    private Layouts() {
    }
}
