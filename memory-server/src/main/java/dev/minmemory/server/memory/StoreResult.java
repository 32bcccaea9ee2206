package dev.minmemory.server.memory;

/** The id a store produced, and whether it is an existing near-identical memory rather than a new one. */
public record StoreResult(String id, boolean duplicate, double similarity) {
}
