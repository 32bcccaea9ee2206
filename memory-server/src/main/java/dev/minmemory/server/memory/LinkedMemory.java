package dev.minmemory.server.memory;

/**
 * A memory at the other end of a link. {@code outgoing} is true when the link was made from the memory being shown
 * ("A supports B" is outgoing from A and incoming to B).
 */
public record LinkedMemory(Memory memory, RelationType relation, boolean outgoing) {
}
