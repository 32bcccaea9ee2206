package dev.minmemory.server.memory;

/** A memory record together with the embedding the store keeps for it: the unit of export, backup and import. */
public record StoredMemory(Memory memory, float[] vector) {
}
