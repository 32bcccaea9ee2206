package dev.minmemory.server.store.qdrant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import com.google.common.hash.Hashing;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.store.KeywordText;
import io.qdrant.client.grpc.Points.SparseVector;

/**
 * The keyword side of hybrid search as Qdrant sparse vectors, so that Qdrant's IDF modifier turns their dot product
 * into BM25.
 * <ul>
 * <li>Terms: the embedded store's analyzer ({@link KeywordText}: English analysis, Snowball stop words)
 * over the same text (text + entity + tags).</li>
 * <li>Index of a term: MurmurHash3 x86 32-bit (seed 0) of its UTF-8 bytes, read as an unsigned 32-bit integer.
 * Stable across releases and machines, no vocabulary to store; two terms sharing an index (rare: a few pairs per
 * million distinct terms) merely share their statistics.</li>
 * <li>Document value: BM25's saturated term frequency, {@code tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen))} with
 * {@link KeywordText#BM25_K1} and {@link KeywordText#BM25_B}, as the embedded store scores. Qdrant multiplies it by the term's IDF at query time, which completes BM25. Qdrant keeps no
 * average document length, so {@code avglen} is a fixed {@value #AVERAGE_LENGTH} terms (a memory is a sentence or
 * two plus an entity and tags); it only sets how much a long memory is penalised against a short one.</li>
 * <li>Query value: how often the term occurs in the query (Lucene sums repeated query terms the same way).</li>
 * </ul>
 */
final class KeywordVectors {

    static final double K1 = KeywordText.BM25_K1;
    static final double B = KeywordText.BM25_B;
    static final double AVERAGE_LENGTH = 24;

    private final Analyzer analyzer = KeywordText.analyzer();

    SparseVector document(Memory memory) {
        Map<String, Integer> counts = new TreeMap<>();
        int length = terms(KeywordText.of(memory), counts);
        double norm = K1 * (1 - B + B * length / AVERAGE_LENGTH);
        Map<Integer, Float> values = new TreeMap<>();
        counts.forEach((term, tf) -> values.merge(index(term), (float) (tf * (K1 + 1) / (tf + norm)), Float::sum));
        return vector(values);
    }

    SparseVector query(String text) {
        Map<String, Integer> counts = new TreeMap<>();
        terms(text, counts);
        Map<Integer, Float> values = new TreeMap<>();
        counts.forEach((term, count) -> values.merge(index(term), (float) count, Float::sum));
        return vector(values);
    }

    static int index(String term) {
        return Hashing.murmur3_32_fixed().hashString(term, StandardCharsets.UTF_8).asInt();
    }

    private int terms(String text, Map<String, Integer> counts) {
        int length = 0;
        try (TokenStream tokens = analyzer.tokenStream("content", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
                length++;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return length;
    }

    private static SparseVector vector(Map<Integer, Float> values) {
        SparseVector.Builder vector = SparseVector.newBuilder();
        values.forEach((index, value) -> vector.addIndices(index).addValues(value));
        return vector.build();
    }
}
