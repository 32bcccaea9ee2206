package dev.minmemory.server.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryFilter;

/**
 * Where memories and their vectors live. Every method is confined to one user's partition; a memory of another
 * user is invisible, exactly as if it did not exist. A method that writes returns only once the write is durable.
 */
public interface MemoryStore {

    /** Inserts or replaces the memory with this id, together with the embedding of its text. */
    void save(Memory memory, float[] vector);

    /** Replaces the memory's record and keeps the vector it already has. */
    void saveKeepingVector(Memory memory);

    /** The memory with this id, soft-deleted or not, if the user owns it. */
    Optional<Memory> find(String user, String id);

    /** The user's live memories that link to the given id. */
    List<Memory> findLinkingTo(String user, String id);

    /** Hybrid search: nearest vectors fused with keyword matches, best first, at most {@code limit}. */
    List<SearchHit> search(String user, SearchQuery query);

    /** Every distinct entity of the user's live memories matching the filter, ordered by name. */
    List<EntityUsage> entities(String user, MemoryFilter filter);

    /** Counts of the user's live memories matching the filter. */
    MemoryStats stats(String user, MemoryFilter filter);

    /**
     * Every memory of every user, soft-deleted ones included, each with its vector. For backup and migration only:
     * never called on behalf of a user, so it is the one method not confined to a user's partition.
     */
    void forEachMemory(Consumer<StoredMemory> sink);

    /** Inserts or replaces these memories with their vectors, as they are (ids, timestamps, links, deleted state). */
    default void saveAll(List<StoredMemory> memories) {
        memories.forEach(stored -> save(stored.memory(), stored.vector()));
    }

    /** Whether the store can serve reads and writes right now. */
    boolean isAvailable();

    /** Where the memories are, for operators: the kind of store and its location. */
    String location();
}
