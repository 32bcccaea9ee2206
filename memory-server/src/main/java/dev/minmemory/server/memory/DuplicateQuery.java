package dev.minmemory.server.memory;

/**
 * A duplicate check: the live memory within the filter whose vector is at least {@code minSimilarity} similar to
 * this one. The text may help a store find candidates.
 */
public record DuplicateQuery(float[] vector, String text, MemoryFilter filter, double minSimilarity) {
}
