package dev.minmemory.server.memory;

/**
 * A candidate of one side of hybrid search (a store's document or point key) and its raw score: what
 * {@link ScoreFusion} fuses.
 */
public record Scored<T>(T key, double score) {
}
