package dev.minmemory.server.memory;

/** A candidate of a ranking (a store's document or point key) and its score. */
public record Scored<T>(T key, double score) {
}
