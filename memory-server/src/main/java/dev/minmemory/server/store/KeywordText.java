package dev.minmemory.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.memory.Memory;

/** What the keyword side of hybrid search sees, and how it is cut into terms: the same for every store. */
public final class KeywordText {

    /**
     * Names the analysis and the BM25 parameters below, for a store to record beside its keyword index: postings or
     * sparse vectors made by another analysis must be rebuilt (Qdrant's sparse vectors hold BM25's document side).
     */
    public static final String ANALYSIS = "english-bm25-b0.3";

    /** BM25's term-frequency saturation (Lucene's default). */
    public static final float BM25_K1 = 1.2f;

    /**
     * BM25's length normalisation, lower than Lucene's 0.75: memories are a sentence or two, and a longer one holds
     * more facts rather than repeating one, so it should not lose as much to a short one that shares a word. On
     * LoCoMo 0.2 to 0.4 ranked the evidence first more often on both halves (docs/BENCHMARKS.md).
     */
    public static final float BM25_B = 0.3f;

    /**
     * Snowball's English stop list (174 words, question words and pronouns included): speaker names aside, these are
     * what most questions share with most memories.
     */
    private static final CharArraySet STOP_WORDS = snowballEnglishStopWords();

    private KeywordText() {
    }

    /** Fails unless a new store of this layout would have its keyword side made by {@link #ANALYSIS}. */
    public static void requireAnalysisOf(IndexLayout newStore) {
        if (!newStore.keywordAnalysis().equals(ANALYSIS)) {
            throw new IllegalArgumentException("A new store's keyword analysis is " + ANALYSIS + ", not "
                    + newStore.keywordAnalysis());
        }
    }

    /** The text, plus the entity and tags, which are names users search for verbatim. */
    public static String of(Memory memory) {
        return memory.text() + "\n" + memory.entity() + "\n" + String.join(" ", memory.tags());
    }

    /**
     * Lucene's English analysis: the standard tokenizer (which keeps identifiers such as {@code PAY-77341} or
     * {@code orders.v2.dlq} in the same pieces on both sides), possessives removed, lower case, the stop list above,
     * Porter stemming (which leaves digits alone).
     */
    public static Analyzer analyzer() {
        return new EnglishAnalyzer(STOP_WORDS);
    }

    private static CharArraySet snowballEnglishStopWords() {
        try {
            return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(
                    IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's Snowball English stop list is missing", e);
        }
    }
}
