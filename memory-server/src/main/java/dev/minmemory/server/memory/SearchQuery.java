package dev.minmemory.server.memory;

/** A hybrid query: the embedding of the query text for the dense side, the text itself for the keyword side. */
public record SearchQuery(float[] vector, String text, MemoryFilter filter, int limit) {
}
