package dev.minmemory.server.memory;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where one user's memories and their vectors live, as the domain uses it. Every method is confined to one user's
 * partition; a memory of another user is invisible, exactly as if it did not exist. A method that writes returns once
 * the write is durable, except {@link #saveBeforeDurable}, whose caller waits with {@link #awaitDurable}.
 */
public interface MemoryStore {

    /**
     * What the store's vectors and keyword index were made with, as recorded in it; a store made before layouts were
     * recorded is {@link IndexLayout#legacy} of the configured model.
     */
    IndexLayout layout();

    /** Inserts or replaces the memory with this id, together with the embedding of its text. */
    void save(Memory memory, float[] vector);

    /**
     * Stores a new memory (an id not stored yet) like {@link #save}, visible to every read made after this returns,
     * but perhaps not durable yet: returns the write's sequence number, for {@link #awaitDurable}. Nobody may be told
     * the memory is stored before that returns. A caller that holds a lock releases it in between, so that concurrent
     * writers share one flush to disk instead of queueing for one each.
     */
    long saveBeforeDurable(Memory memory, float[] vector);

    /** Returns once the write with this sequence number, and every write before it, is durable. */
    void awaitDurable(long sequence);

    /** The sequence number of the newest write so far: once it is durable, so is everything a read can see. */
    long latestWrite();

    /** Replaces the memory's record and keeps the vector it already has. */
    void saveKeepingVector(Memory memory);

    /** The memory with this id, soft-deleted or not, if the user owns it. */
    Optional<Memory> find(String user, String id);

    /** The user's live memories that link to the given id. */
    List<Memory> findLinkingTo(String user, String id);

    /** Hybrid search: nearest vectors fused with keyword matches, best first, at most {@code limit}. */
    List<SearchHit> search(String user, SearchQuery query);

    /** The user's live memories within the query's filter that are near its vector, nearest first. */
    List<SearchHit> findNear(String user, DuplicateQuery query);

    /** Every distinct entity of the user's live memories matching the filter, ordered by name. */
    List<EntityUsage> entities(String user, MemoryFilter filter);

    /** The projects the user's live memories belong to, ordered by name. */
    List<String> projects(String user);

    /** Counts of the user's live memories matching the filter. */
    MemoryStats stats(String user, MemoryFilter filter);

    /**
     * Visits every live memory of the user matching the filter, with its vector, in no particular order: what a
     * person's own export reads.
     */
    void forEachLive(String user, MemoryFilter filter, Consumer<StoredMemory> sink);

    /** As {@link #forEachLive}, without reading the vectors: what a person's listing and overview need. */
    void forEachLiveMemory(String user, MemoryFilter filter, Consumer<Memory> sink);
}
