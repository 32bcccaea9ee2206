package dev.minmemory.server.memory;

/**
 * One search result. {@code similarity} is the cosine similarity of the memory's vector to the query's;
 * {@code relevance} is the fused normalised score of dense and keyword search ({@link ScoreFusion}), 0..1, 1 for the
 * best of both lists; it means the same on every store.
 */
public record SearchHit(Memory memory, double similarity, double relevance) {
}
