package dev.minmemory.server.memory;

/**
 * One search result. {@code similarity} is the cosine similarity of the memory's vector to the query's;
 * {@code relevance} is the fused rank score of dense and keyword search, scaled to 0..1 (1 = first in both lists).
 */
public record SearchHit(Memory memory, double similarity, double relevance) {
}
