package dev.minmemory.server.memory;

/** An entity similar to a searched name, with a match score from 0 to 1. */
public record EntityMatch(EntityUsage usage, double score) {
}
