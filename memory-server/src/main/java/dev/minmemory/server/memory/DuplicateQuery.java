package dev.minmemory.server.memory;

/**
 * The memories near a new one: at most {@code limit} live memories within the filter whose vectors are at least
 * {@code minSimilarity} similar to this one, nearest first. The text may help a store find them.
 */
public record DuplicateQuery(float[] vector, String text, MemoryFilter filter, double minSimilarity, int limit) {
}
