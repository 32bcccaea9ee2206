package dev.minmemory.server.store.lucene;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.ReferenceManager;

import dev.minmemory.server.memory.StoredMemory;

/**
 * New memories in the index but not yet in a refreshed searcher, as Elasticsearch's LiveVersionMap tracks them: a
 * refresh listener moves what is pending aside before the refresh opens its reader, and drops it once the reader
 * holds it. Refreshes of one {@link org.apache.lucene.search.SearcherManager} never overlap, so one batch is in
 * flight at a time.
 */
final class PendingWrites implements ReferenceManager.RefreshListener {

    private List<StoredMemory> pending = new ArrayList<>();
    private List<StoredMemory> refreshing = List.of();

    /** Called once the memory is in the index writer, so that the next refresh's reader holds it. */
    synchronized int add(StoredMemory memory) {
        pending.add(memory);
        return size();
    }

    synchronized boolean isEmpty() {
        return pending.isEmpty() && refreshing.isEmpty();
    }

    synchronized int size() {
        return pending.size() + refreshing.size();
    }

    /** Everything not yet in a searcher acquired before this call returned, oldest first. */
    synchronized List<StoredMemory> snapshot() {
        List<StoredMemory> all = new ArrayList<>(refreshing);
        all.addAll(pending);
        return all;
    }

    @Override
    public synchronized void beforeRefresh() {
        List<StoredMemory> batch = new ArrayList<>(refreshing);
        batch.addAll(pending);
        refreshing = batch;
        pending = new ArrayList<>();
    }

    @Override
    public synchronized void afterRefresh(boolean didRefresh) {
        // Without a new reader the current one already held every change, the batch included.
        refreshing = List.of();
    }
}
