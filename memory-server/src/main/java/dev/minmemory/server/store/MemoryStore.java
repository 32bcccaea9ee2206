package dev.minmemory.server.store;

import java.util.Comparator;
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

    /**
     * Stores a new memory (an id not stored yet) like {@link #save}, except that it may return before the write is
     * durable: the caller then calls {@link #awaitDurable()} before acknowledging anything. A caller that holds a lock
     * releases it in between, so that concurrent writers share one flush to disk instead of queueing for one each.
     * The memory is visible to every read made after this returns.
     */
    default void saveVisible(Memory memory, float[] vector) {
        save(memory, vector);
    }

    /**
     * The live memory of the user, within the query's filter, whose vector is at least {@code minSimilarity} similar to
     * the query's, the most similar one if several are: what a duplicate check needs. The query's text may help a
     * store find candidates.
     */
    default Optional<SearchHit> findDuplicate(String user, SearchQuery query, double minSimilarity) {
        return search(user, query).stream()
                .filter(hit -> hit.similarity() >= minSimilarity)
                .max(Comparator.comparingDouble(SearchHit::similarity));
    }

    /** Returns once every write visible so far is durable. */
    default void awaitDurable() {
    }

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

    /**
     * Reorganises the storage for fast searches after a bulk load, such as an import. May take a while (about 40 s
     * for 100k memories on 2 cores). A store that optimises itself in the background does nothing.
     */
    default void compact() {
    }

    /** Whether the store can serve reads and writes right now. */
    boolean isAvailable();

    /** What the health checks publish: never a path or an address. */
    StoreHealth health();

    /** Where the memories are, for operators: the kind of store and its location. */
    String location();
}
