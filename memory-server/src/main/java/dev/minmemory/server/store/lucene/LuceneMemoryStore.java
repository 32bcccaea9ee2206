package dev.minmemory.server.store.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.QueryBuilder;
import org.jboss.logging.Logger;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.WireEnum;
import dev.minmemory.server.store.EntityUsage;
import dev.minmemory.server.store.KeywordText;
import dev.minmemory.server.store.MemoryStats;
import dev.minmemory.server.store.MemoryStore;
import dev.minmemory.server.store.SearchHit;
import dev.minmemory.server.store.SearchQuery;
import dev.minmemory.server.store.StoreHealth;
import dev.minmemory.server.store.StoredMemory;

/**
 * The embedded store: one Lucene index holding records, BM25 postings and an HNSW vector graph.
 * <p>
 * Writes are durable when they return: each is appended to a {@link WriteAheadLog} and fsynced (concurrent writers
 * share fsyncs) before it is acknowledged, and is visible to searches at once. A Lucene commit, which costs dozens of
 * fsyncs, runs in the background every few seconds and on close; a restart replays whatever the last commit missed.
 */
public final class LuceneMemoryStore implements MemoryStore, Closeable {

    /**
     * HNSW's k is also its search beam: k=10 recalls only about two thirds of the true top 10 at 100k vectors. On
     * the benchmark's 100k real memories (many sentences alike) recall@10 was 0.91 at k=100, 0.94–0.95 at 200 and
     * 0.95–0.97 at 300, depending on the segments (docs/BENCHMARKS.md). So the dense side always fetches at least
     * this many candidates.
     */
    static final int DENSE_CANDIDATES = 300;
    /**
     * The nearest memories a duplicate check looks at. A near-duplicate (cosine >= 0.97) lies far closer to the new
     * memory than anything else, so the graph's greedy descent reaches it without the wide beam recall@10 needs.
     */
    static final int DUPLICATE_CANDIDATES = 32;
    /** Lucene scores a dot product as (1 + dot) / 2 in float precision; a candidate this close is checked exactly. */
    private static final double SCORE_ROUNDING = 1e-5;
    static final int KEYWORD_CANDIDATES = 50;
    /** The usual reciprocal rank fusion constant. */
    static final int RRF_K = 60;
    private static final double BEST_FUSED_SCORE = 2.0 / (RRF_K + 1);
    private static final Logger LOG = Logger.getLogger(LuceneMemoryStore.class);

    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);

    private final Path location;
    private final Directory directory;
    private final IndexWriter writer;
    private final WriteAheadLog log;
    private final WriterHealth health;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    /** Keeps the log in the order the index applies writes, and excludes writes while a log segment is sealed. */
    private final Object appendLock = new Object();
    private final ScheduledExecutorService committer;
    /**
     * New memories written by {@link #saveVisible} but not yet in a refreshed searcher, oldest first; guarded by
     * {@link #appendLock}. A refresh drops the ones it made visible.
     */
    private final List<StoredMemory> unrefreshed = new ArrayList<>();
    /** How many memories {@link #unrefreshed} has ever received; guarded by {@link #appendLock}. */
    private long unrefreshedAdded;
    /** Past this many unrefreshed memories a store refreshes at once, which bounds {@link #findDuplicate}'s scan. */
    static final int MAX_UNREFRESHED = 64;

    private LuceneMemoryStore(Path location, Directory directory, IndexWriter writer, WriteAheadLog log,
            WriterHealth health) throws IOException {
        this.location = location;
        this.directory = directory;
        this.writer = writer;
        this.log = log;
        this.health = health;
        this.analyzer = writer.getAnalyzer();
        this.searchers = new SearcherManager(writer, null);
        this.committer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lucene-committer");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(this::commitInBackground, COMMIT_INTERVAL.toMillis(),
                COMMIT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens, or creates, the index in this directory. Fails at once if another process has it open: Lucene's native
     * file lock is held for as long as the writer lives.
     */
    public static LuceneMemoryStore open(Path indexDirectory) {
        Directory directory = null;
        try {
            // Segments flushed for near-real-time search stay in memory until a commit or merge writes them; on disk
            // their dirty pages would have to be written out by every fsync of the write-ahead log.
            directory = new NRTCachingDirectory(FSDirectory.open(indexDirectory), 8, 64);
            IndexWriterConfig config = new IndexWriterConfig(KeywordText.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // Every write refreshes the searcher. By default a refresh waits up to 500 ms for small segments
                    // to merge and packs each one-document segment into a compound file; neither is worth it here.
                    .setMaxFullFlushMergeWaitMillis(0)
                    .setUseCompoundFile(false)
                    .setCommitOnClose(true);
            IndexWriter writer = new IndexWriter(directory, config);
            try {
                LogRecovery.replay(indexDirectory, writer);
                WriteAheadLog log = WriteAheadLog.open(indexDirectory);
                log.deleteSealed();
                return new LuceneMemoryStore(indexDirectory, directory, writer, log, new WriterHealth(writer, log,
                        LogQuarantine.entriesIn(indexDirectory), LogRecovery.damagedSegmentsIn(indexDirectory)));
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new IllegalStateException("The memory store at " + indexDirectory
                    + " is in use by another min-memory process. Stop that process, or point MCP_DATA_DIR at another"
                    + " directory.", e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("Cannot open the memory store at " + indexDirectory, e);
        }
    }

    @Override
    public void save(Memory memory, float[] vector) {
        try {
            log.sync(apply(memory, vector));
        } catch (IOException e) {
            throw health.writeFailed("Cannot write memory " + memory.id(), e);
        }
        refreshAfterDurableWrite();
    }

    /**
     * Logs and indexes a new memory without waiting for the log's fsync (a reader may see it a few milliseconds
     * before it is durable, but nobody is told it is stored before {@link #awaitDurable()} returns) and without
     * refreshing the searcher: the memory joins {@link #unrefreshed}, which {@link #findDuplicate} checks directly, and
     * the next other read refreshes once for every memory stored since. A refresh flushes a segment and opens a reader
     * for it; stores that follow each other closely then share one.
     */
    @Override
    public void saveVisible(Memory memory, float[] vector) {
        try {
            boolean refreshNow;
            synchronized (appendLock) {
                apply(memory, vector);
                unrefreshed.add(new StoredMemory(memory, vector));
                unrefreshedAdded++;
                refreshNow = unrefreshed.size() >= MAX_UNREFRESHED;
            }
            if (refreshNow) {
                refresh();
            }
        } catch (IOException e) {
            throw health.writeFailed("Cannot write memory " + memory.id(), e);
        }
    }

    /**
     * Looks at the memories stored since the last refresh, exactly, and at the searcher's nearest memories, without
     * the refresh other reads make. The snapshot of the former is taken before the searcher is acquired: a memory
     * missing from the snapshot was pruned by a refresh that had finished, so the searcher holds it.
     * <p>
     * The nearest memories come from the graph of all memories, unfiltered: that walk costs the same whatever the
     * scope's size, where a filtered one compares every memory of a small scope and explores the graph widely for a
     * large one. A near-duplicate in the scope is among them unless at least as many memories elsewhere (other scopes,
     * other users, deleted ones) are that similar too; then, and only then, the walk is repeated under the filter.
     */
    @Override
    public Optional<SearchHit> findDuplicate(String user, SearchQuery query, double minSimilarity) {
        List<StoredMemory> recent;
        synchronized (appendLock) {
            recent = List.copyOf(unrefreshed);
        }
        Optional<SearchHit> best = recent.stream()
                .filter(stored -> isCandidate(stored.memory(), user, query.filter()))
                .map(stored -> new SearchHit(stored.memory(), dot(stored.vector(), query.vector()), 1.0))
                .filter(hit -> hit.similarity() >= minSimilarity)
                .max(Comparator.comparingDouble(SearchHit::similarity));
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ScoreDoc[] nearest = searcher.search(new KnnFloatVectorQuery(MemoryDocument.VECTOR, query.vector(),
                        DUPLICATE_CANDIDATES), DUPLICATE_CANDIDATES).scoreDocs;
                if (nearest.length == DUPLICATE_CANDIDATES
                        && similarity(nearest[nearest.length - 1]) >= minSimilarity - SCORE_ROUNDING) {
                    nearest = searcher.search(new FilteredKnnQuery(MemoryDocument.VECTOR, query.vector(),
                            DUPLICATE_CANDIDATES, FilterQueries.liveMemories(user, query.filter())),
                            DUPLICATE_CANDIDATES).scoreDocs;
                }
                StoredFields stored = searcher.storedFields();
                for (ScoreDoc hit : nearest) {
                    if (similarity(hit) < minSimilarity - SCORE_ROUNDING) {
                        break;
                    }
                    Memory memory = source(stored, hit.doc);
                    double similarity = dot(vectorOf(searcher, hit.doc), query.vector());
                    if (isCandidate(memory, user, query.filter()) && similarity >= minSimilarity
                            && (best.isEmpty() || similarity > best.get().similarity())) {
                        best = Optional.of(new SearchHit(memory, similarity, 1.0));
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the memory store", e);
        }
        return best;
    }

    private static boolean isCandidate(Memory memory, String user, MemoryFilter filter) {
        return memory.user().equals(user) && memory.isLive() && filter.matches(memory);
    }

    /** The cosine similarity behind a k-NN hit's score (for unit vectors, Lucene scores (1 + cosine) / 2). */
    private static double similarity(ScoreDoc hit) {
        return 2.0 * hit.score - 1;
    }

    @Override
    public void awaitDurable() {
        try {
            log.sync(log.appended());
        } catch (IOException e) {
            throw health.writeFailed("Cannot flush the write-ahead log", e);
        }
    }

    /**
     * Appends the write to the log and the index, in the same order; returns its log sequence number. A write the
     * index refuses is taken back out of the log: the caller is told it failed, so it must not come back on restart.
     */
    private long apply(Memory memory, float[] vector) throws IOException {
        return applyAll(List.of(new StoredMemory(memory, vector)));
    }

    /**
     * Appends the writes to the log and the index; a failure takes every one of them back out of the log (a failing
     * index writer drops what it has not committed, which the log alone would bring back).
     */
    private long applyAll(List<StoredMemory> memories) throws IOException {
        synchronized (appendLock) {
            health.requireWritable();
            WriteAheadLog.Mark mark = log.mark();
            long sequence = 0;
            String id = null;
            try {
                for (StoredMemory stored : memories) {
                    id = stored.memory().id();
                    sequence = log.append(stored.memory(), stored.vector());
                    writer.updateDocument(new Term(MemoryDocument.ID, id),
                            MemoryDocument.of(stored.memory(), stored.vector()));
                }
                return sequence;
            } catch (IOException | RuntimeException refused) {
                try {
                    log.revokeFrom(mark);
                } catch (IOException e) {
                    refused.addSuppressed(e);
                }
                throw health.writeFailed("Cannot write memory " + id, refused);
            }
        }
    }

    /**
     * Once a write is durable it is acknowledged: a failure to make it visible (the index writer failing, which
     * {@link WriterHealth} reports) must not tell the caller it was not stored, since it comes back on restart.
     */
    private void refreshAfterDurableWrite() {
        try {
            refresh();
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "A durable write cannot be made visible to searches; it is replayed from the write-ahead log"
                    + " on the next start");
        }
    }

    /** One log sync and one searcher refresh for the whole batch: what an import needs. */
    @Override
    public void saveAll(List<StoredMemory> memories) {
        if (memories.isEmpty()) {
            return;
        }
        try {
            log.sync(applyAll(memories));
        } catch (IOException e) {
            throw health.writeFailed("Cannot write " + memories.size() + " memories", e);
        }
        refreshAfterDurableWrite();
    }

    /**
     * Merges the index into one segment. Each segment has its own vector graph, and a search walks every graph with
     * the full beam: at 100k memories in 7 segments, as an import leaves them, a search costs several times what it
     * costs in one. Writes made later form new, small segments again, which are cheap to search.
     */
    @Override
    public void compact() {
        try {
            writer.forceMerge(1);
            commit();
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compact the memory store", e);
        }
    }

    @Override
    public void forEachMemory(Consumer<StoredMemory> sink) {
        withSearcher(searcher -> {
            StoredFields stored = searcher.storedFields();
            for (int doc : matchingDocs(searcher, new MatchAllDocsQuery())) {
                sink.accept(new StoredMemory(source(stored, doc), vectorOf(searcher, doc)));
            }
            return null;
        });
    }

    @Override
    public void saveKeepingVector(Memory memory) {
        float[] vector = withSearcher(searcher -> {
            ScoreDoc[] hits = searcher.search(FilterQueries.byId(memory.user(), memory.id()), 1).scoreDocs;
            if (hits.length == 0) {
                throw new IllegalStateException("Memory " + memory.id() + " is not stored");
            }
            return vectorOf(searcher, hits[0].doc);
        });
        save(memory, vector);
    }

    @Override
    public Optional<Memory> find(String user, String id) {
        return withSearcher(searcher -> {
            ScoreDoc[] hits = searcher.search(FilterQueries.byId(user, id), 1).scoreDocs;
            return hits.length == 0 ? Optional.empty() : Optional.of(source(searcher.storedFields(), hits[0].doc));
        });
    }

    @Override
    public List<Memory> findLinkingTo(String user, String id) {
        return withSearcher(searcher -> {
            List<Memory> linking = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int doc : matchingDocs(searcher, FilterQueries.linkingTo(user, id))) {
                linking.add(source(stored, doc));
            }
            return linking;
        });
    }

    @Override
    public List<SearchHit> search(String user, SearchQuery query) {
        return withSearcher(searcher -> {
            Query filter = FilterQueries.liveMemories(user, query.filter());
            int denseK = Math.max(query.limit(), DENSE_CANDIDATES);
            ScoreDoc[] dense = searcher.search(new FilteredKnnQuery(MemoryDocument.VECTOR, query.vector(), denseK,
                    filter), denseK).scoreDocs;
            ScoreDoc[] keyword = keywordHits(searcher, query.text(), filter, Math.max(query.limit(), KEYWORD_CANDIDATES));
            Map<Integer, Double> fused = reciprocalRankFusion(dense, keyword);
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (Map.Entry<Integer, Double> candidate : fused.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(query.limit()).toList()) {
                int doc = candidate.getKey();
                double similarity = dot(vectorOf(searcher, doc), query.vector());
                hits.add(new SearchHit(source(stored, doc), similarity, candidate.getValue() / BEST_FUSED_SCORE));
            }
            return hits;
        });
    }

    @Override
    public List<EntityUsage> entities(String user, MemoryFilter filter) {
        return withSearcher(searcher -> {
            Map<String, EntityUsageCounter> usage = new TreeMap<>();
            searcher.search(FilterQueries.liveMemories(user, filter), new DocValuesCollector() {
                @Override
                void collect(SortedDocValues entity, SortedDocValues type, NumericDocValues created,
                        NumericDocValues updated) throws IOException {
                    String name = entity.lookupOrd(entity.ordValue()).utf8ToString();
                    usage.computeIfAbsent(name, n -> new EntityUsageCounter()).add(created.longValue(),
                            updated.longValue());
                }
            });
            return usage.entrySet().stream().map(e -> e.getValue().toUsage(e.getKey())).toList();
        });
    }

    @Override
    public MemoryStats stats(String user, MemoryFilter filter) {
        return withSearcher(searcher -> {
            Map<MemoryType, Long> counts = new EnumMap<>(MemoryType.class);
            long[] lastUpdated = { Long.MIN_VALUE };
            searcher.search(FilterQueries.liveMemories(user, filter), new DocValuesCollector() {
                @Override
                void collect(SortedDocValues entity, SortedDocValues type, NumericDocValues created,
                        NumericDocValues updated) throws IOException {
                    counts.merge(WireEnum.parse(MemoryType.class, type.lookupOrd(type.ordValue()).utf8ToString()), 1L, Long::sum);
                    lastUpdated[0] = Math.max(lastUpdated[0], updated.longValue());
                }
            });
            return new MemoryStats(counts,
                    lastUpdated[0] == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastUpdated[0]));
        });
    }

    /** False once the index writer is closed (including after a tragic error) or while the log is not writable. */
    @Override
    public boolean isAvailable() {
        return health.health().ready();
    }

    @Override
    public StoreHealth health() {
        return health.health();
    }

    @Override
    public String location() {
        return "embedded:" + location;
    }

    @Override
    public void close() {
        committer.shutdown();
        try {
            committer.awaitTermination(1, TimeUnit.MINUTES);
            if (health.isWriterOpen()) {
                try {
                    commit();
                } catch (IOException e) {
                    LOG.warnf("Closing without a final commit (%s): the next start replays the write-ahead log", e);
                }
            }
            searchers.close();
            writer.close();
            log.close();
            directory.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while closing the memory store", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the memory store", e);
        }
    }

    /**
     * Seals the log segment, commits the index (which holds every write of that segment), then drops the segment.
     * Writes go on into the next segment during the commit.
     */
    private synchronized void commit() throws IOException {
        long sealed;
        synchronized (appendLock) {
            sealed = log.rotate();
        }
        writer.commit();
        log.deleteThrough(sealed);
    }

    private void commitInBackground() {
        health.probeLog();
        if (!health.isWriterOpen()) {
            return;
        }
        try {
            if (writer.hasUncommittedChanges()) {
                commit();
            }
            health.committed();
        } catch (IOException | RuntimeException e) {
            health.commitFailed(e);
        }
    }

    private ScoreDoc[] keywordHits(IndexSearcher searcher, String text, Query filter, int limit) throws IOException {
        Query terms = new QueryBuilder(analyzer).createBooleanQuery(MemoryDocument.CONTENT, text, Occur.SHOULD);
        if (terms == null) {
            return new ScoreDoc[0];
        }
        Query query = new BooleanQuery.Builder().add(terms, Occur.MUST).add(filter, Occur.FILTER).build();
        return searcher.search(query, limit).scoreDocs;
    }

    private static Map<Integer, Double> reciprocalRankFusion(ScoreDoc[]... rankings) {
        Map<Integer, Double> fused = new HashMap<>();
        for (ScoreDoc[] ranking : rankings) {
            for (int rank = 0; rank < ranking.length; rank++) {
                fused.merge(ranking[rank].doc, 1.0 / (RRF_K + rank + 1), Double::sum);
            }
        }
        return fused;
    }

    /**
     * Every document the query matches, in index order. Unlike {@code search(query, n)}, whose priority queue is
     * allocated up front with n (at most maxDoc) entries, this costs nothing when little matches.
     */
    private static List<Integer> matchingDocs(IndexSearcher searcher, Query query) throws IOException {
        List<Integer> docs = new ArrayList<>();
        searcher.search(query, new SimpleCollector() {
            private int docBase;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                docBase = context.docBase;
            }

            @Override
            public void collect(int doc) {
                docs.add(docBase + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return docs;
    }

    private static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(MemoryDocument.VECTOR);
        int leafDoc = doc - leaf.docBase;
        if (vectors == null || vectors.advance(leafDoc) != leafDoc) {
            throw new IllegalStateException("Stored memory has no vector");
        }
        return vectors.vectorValue().clone();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** One {@link StoredFields} serves every read of a search: each one made costs a copy of the readers' state. */
    private static Memory source(StoredFields stored, int doc) throws IOException {
        return MemoryDocument.source(stored.document(doc));
    }

    /** Makes every write applied so far visible to searchers acquired after this returns. */
    private void refresh() throws IOException {
        long applied;
        synchronized (appendLock) {
            applied = unrefreshedAdded;
        }
        searchers.maybeRefreshBlocking();
        synchronized (appendLock) {
            // Refreshes may overlap: each drops only what it made visible and a slower one nothing twice.
            long visible = unrefreshedAdded - unrefreshed.size();
            if (applied > visible) {
                unrefreshed.subList(0, (int) (applied - visible)).clear();
            }
        }
    }

    private <T> T withSearcher(SearcherFunction<T> work) {
        try {
            boolean stale;
            synchronized (appendLock) {
                stale = !unrefreshed.isEmpty();
            }
            if (stale) {
                refresh();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the memory store", e);
        } catch (AlreadyClosedException e) {
            throw health.writeFailed("Cannot read the memory store", e);
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException ignored) {
                // the original failure is what matters
            }
        }
    }

    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Visits every matching document with its entity, type and timestamps read from doc values. */
    private abstract static class DocValuesCollector extends SimpleCollector {
        private SortedDocValues entity;
        private SortedDocValues type;
        private NumericDocValues created;
        private NumericDocValues updated;

        abstract void collect(SortedDocValues entity, SortedDocValues type, NumericDocValues created,
                NumericDocValues updated) throws IOException;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            entity = context.reader().getSortedDocValues(MemoryDocument.ENTITY);
            type = context.reader().getSortedDocValues(MemoryDocument.MEMORY_TYPE);
            created = context.reader().getNumericDocValues(MemoryDocument.CREATED_AT);
            updated = context.reader().getNumericDocValues(MemoryDocument.UPDATED_AT);
        }

        @Override
        public void collect(int doc) throws IOException {
            entity.advanceExact(doc);
            type.advanceExact(doc);
            created.advanceExact(doc);
            updated.advanceExact(doc);
            collect(entity, type, created, updated);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private static final class EntityUsageCounter {
        private long count;
        private long firstSeen = Long.MAX_VALUE;
        private long lastUpdated = Long.MIN_VALUE;

        void add(long created, long updated) {
            count++;
            firstSeen = Math.min(firstSeen, created);
            lastUpdated = Math.max(lastUpdated, updated);
        }

        EntityUsage toUsage(String entity) {
            return new EntityUsage(entity, count, Instant.ofEpochMilli(firstSeen), Instant.ofEpochMilli(lastUpdated));
        }
    }
}
