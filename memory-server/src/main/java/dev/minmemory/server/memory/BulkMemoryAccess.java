package dev.minmemory.server.memory;

import java.util.List;
import java.util.function.Consumer;

/**
 * Every user's memories at once, for backup, migration and import: never used on behalf of a user, so it is the one
 * access not confined to a user's partition.
 */
public interface BulkMemoryAccess {

    /** Every memory of every user, soft-deleted ones included, each with its vector. */
    void forEachMemory(Consumer<StoredMemory> sink);

    /** Inserts or replaces these memories with their vectors, as they are (ids, timestamps, links, deleted state). */
    void saveAll(List<StoredMemory> memories);

    /** Records the store's layout durably, together with every write made before. */
    void recordLayout(IndexLayout layout);

    /**
     * Reorganises the storage for fast searches after a bulk load, such as an import; may take a while. A store that
     * optimises itself in the background does nothing.
     */
    void compact();
}
