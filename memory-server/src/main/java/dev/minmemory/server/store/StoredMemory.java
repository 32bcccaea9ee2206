package dev.minmemory.server.store;

import dev.minmemory.server.memory.Memory;

/** A memory record together with the embedding the store keeps for it: the unit of export, backup and import. */
public record StoredMemory(Memory memory, float[] vector) {
}
