package dev.minmemory.server.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

import dev.minmemory.server.memory.Memory;

/** What the keyword side of hybrid search sees, and how it is cut into terms: the same for every store. */
public final class KeywordText {

    private KeywordText() {
    }

    /** The text, plus the entity and tags, which are names users search for verbatim. */
    public static String of(Memory memory) {
        return memory.text() + "\n" + memory.entity() + "\n" + String.join(" ", memory.tags());
    }

    /** Lucene's standard tokenizer, lower-cased, without English stop words. */
    public static Analyzer analyzer() {
        return new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }
}
