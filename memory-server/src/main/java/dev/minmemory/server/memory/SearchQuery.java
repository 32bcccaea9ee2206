package dev.minmemory.server.memory;

/**
 * A hybrid query: the embedding of the query text for the dense side, the text itself for the keyword side, and how
 * the two sides' candidates are fused into one ranking.
 */
public record SearchQuery(float[] vector, String text, MemoryFilter filter, int limit, ScoreFusion fusion) {
}
