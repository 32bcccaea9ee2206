package dev.minmemory.server.store;

import dev.minmemory.server.memory.MemoryType;

/**
 * Reads values a store wrote itself. A value that does not read back is a corrupt record, reported as such, never as
 * a caller's mistake.
 */
public final class StoredValues {

    private StoredValues() {
    }

    public static MemoryType memoryType(String stored) {
        for (MemoryType type : MemoryType.values()) {
            if (type.wireName().equals(stored)) {
                return type;
            }
        }
        throw new IllegalStateException("Corrupt stored record: memory_type '" + stored + "' is not a memory type");
    }
}
