package dev.minmemory.server.store.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

import dev.minmemory.server.memory.DuplicateQuery;
import dev.minmemory.server.memory.EntityUsage;
import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryBackend;
import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.MemoryStats;
import dev.minmemory.server.memory.SearchHit;
import dev.minmemory.server.memory.SearchQuery;
import dev.minmemory.server.memory.StoreStatus;
import dev.minmemory.server.memory.StoredMemory;
import dev.minmemory.server.store.KeywordText;

/**
 * The embedded store: one Lucene index holding records, BM25 postings and an HNSW vector graph.
 * <ul>
 * <li>{@link LuceneIndex}: opening and recovery, the write-ahead log, refreshes and background commits;</li>
 * <li>{@link PendingWrites}: new memories not yet in a searcher, tracked by a refresh listener;</li>
 * <li>{@link HybridSearch}: dense and keyword candidates fused by the domain's {@code ScoreFusion};</li>
 * <li>{@link DuplicateFinder}: the memories near a new one, which reads without refreshing;</li>
 * <li>{@link DocValuesAggregations}: entity usage and counts;</li>
 * <li>{@link FilterQueries} and {@link MemoryDocument}: the filters and the document of one memory.</li>
 * </ul>
 */
public final class LuceneMemoryStore implements MemoryBackend, Closeable {

    private final LuceneIndex index;
    private final HybridSearch hybridSearch = new HybridSearch(KeywordText.analyzer());

    private LuceneMemoryStore(LuceneIndex index) {
        this.index = index;
    }

    /**
     * Opens, or creates with the layout {@code newStore}, the index in this directory; fails at once if another
     * process has it open. Keyword postings of another analysis than {@code newStore}'s are rebuilt first.
     */
    public static LuceneMemoryStore open(Path indexDirectory, IndexLayout newStore) {
        return new LuceneMemoryStore(LuceneIndex.open(indexDirectory, newStore));
    }

    @Override
    public IndexLayout layout() {
        return index.layout();
    }

    @Override
    public void recordLayout(IndexLayout layout) {
        try {
            index.recordLayout(layout);
        } catch (IOException e) {
            throw index.writeFailed("Cannot record the store's layout", e);
        }
    }

    @Override
    public void save(Memory memory, float[] vector) {
        try {
            index.awaitDurable(index.apply(memory, vector));
        } catch (IOException e) {
            throw index.writeFailed("Cannot write memory " + memory.id(), e);
        }
        index.refreshAfterDurableWrite();
    }

    /**
     * Logs and indexes a new memory without waiting for the log's fsync and without refreshing the searcher: the
     * duplicate check sees it among the pending memories, and the next other read refreshes once for every memory
     * stored since. A refresh flushes a segment and opens a reader for it; stores that follow each other closely
     * then share one.
     */
    @Override
    public long saveBeforeDurable(Memory memory, float[] vector) {
        try {
            return index.applyPending(memory, vector);
        } catch (IOException e) {
            throw index.writeFailed("Cannot write memory " + memory.id(), e);
        }
    }

    @Override
    public void awaitDurable(long sequence) {
        try {
            index.awaitDurable(sequence);
        } catch (IOException e) {
            throw index.writeFailed("Cannot flush the write-ahead log", e);
        }
    }

    @Override
    public long latestWrite() {
        return index.latestWrite();
    }

    @Override
    public void saveKeepingVector(Memory memory) {
        float[] vector = index.read(searcher -> {
            ScoreDoc[] hits = searcher.search(FilterQueries.byId(memory.user(), memory.id()), 1).scoreDocs;
            if (hits.length == 0) {
                throw new IllegalStateException("Memory " + memory.id() + " is not stored");
            }
            return IndexReads.vectorOf(searcher, hits[0].doc);
        });
        save(memory, vector);
    }

    @Override
    public Optional<Memory> find(String user, String id) {
        return index.read(searcher -> {
            ScoreDoc[] hits = searcher.search(FilterQueries.byId(user, id), 1).scoreDocs;
            return hits.length == 0 ? Optional.empty()
                    : Optional.of(IndexReads.source(searcher.storedFields(), hits[0].doc));
        });
    }

    @Override
    public List<Memory> findLinkingTo(String user, String id) {
        return index.read(searcher -> {
            List<Memory> linking = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int doc : IndexReads.matchingDocs(searcher, FilterQueries.linkingTo(user, id))) {
                linking.add(IndexReads.source(stored, doc));
            }
            return linking;
        });
    }

    @Override
    public List<SearchHit> search(String user, SearchQuery query) {
        return index.read(searcher -> hybridSearch.search(searcher, user, query));
    }

    @Override
    public List<SearchHit> findNear(String user, DuplicateQuery query) {
        List<StoredMemory> pending = index.pending().snapshot();
        return index.readAsIs(searcher -> DuplicateFinder.find(pending, searcher, user, query));
    }

    @Override
    public List<EntityUsage> entities(String user, MemoryFilter filter) {
        return index.read(searcher -> DocValuesAggregations.entities(searcher,
                FilterQueries.liveMemories(user, filter)));
    }

    @Override
    public List<String> projects(String user) {
        return index.read(searcher -> ProjectNames.of(searcher, FilterQueries.liveMemories(user, MemoryFilter.ALL)));
    }

    @Override
    public MemoryStats stats(String user, MemoryFilter filter) {
        return index.read(searcher -> DocValuesAggregations.stats(searcher, FilterQueries.liveMemories(user, filter)));
    }

    @Override
    public void forEachLive(String user, MemoryFilter filter, Consumer<StoredMemory> sink) {
        visit(FilterQueries.liveMemories(user, filter), sink);
    }

    @Override
    public void forEachLiveMemory(String user, MemoryFilter filter, Consumer<Memory> sink) {
        index.read(searcher -> {
            StoredFields stored = searcher.storedFields();
            for (int doc : IndexReads.matchingDocs(searcher, FilterQueries.liveMemories(user, filter))) {
                sink.accept(IndexReads.source(stored, doc));
            }
            return null;
        });
    }

    @Override
    public void forEachMemory(Consumer<StoredMemory> sink) {
        visit(new MatchAllDocsQuery(), sink);
    }

    private void visit(Query query, Consumer<StoredMemory> sink) {
        index.read(searcher -> {
            StoredFields stored = searcher.storedFields();
            for (int doc : IndexReads.matchingDocs(searcher, query)) {
                sink.accept(new StoredMemory(IndexReads.source(stored, doc), IndexReads.vectorOf(searcher, doc)));
            }
            return null;
        });
    }

    /** One log sync and one searcher refresh for the whole batch: what an import needs. */
    @Override
    public void saveAll(List<StoredMemory> memories) {
        if (memories.isEmpty()) {
            return;
        }
        try {
            index.awaitDurable(index.applyAll(memories));
        } catch (IOException e) {
            throw index.writeFailed("Cannot write " + memories.size() + " memories", e);
        }
        index.refreshAfterDurableWrite();
    }

    /** Merges the index into one segment, as an import leaves it in several; later writes form small ones again. */
    @Override
    public void compact() {
        try {
            index.forceMerge();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compact the memory store", e);
        }
    }

    @Override
    public boolean isAvailable() {
        return index.health().ready();
    }

    @Override
    public StoreStatus health() {
        return index.health();
    }

    @Override
    public String location() {
        return "embedded:" + index.location();
    }

    @Override
    public void close() {
        index.close();
    }
}
