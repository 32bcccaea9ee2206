package dev.minmemory.server.store.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NRTCachingDirectory;
import org.jboss.logging.Logger;

import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.StoreStatus;
import dev.minmemory.server.memory.StoredMemory;
import dev.minmemory.server.store.KeywordText;
import dev.minmemory.server.store.RecordedLayout;

/**
 * The index's life: opening it and replaying what the last commit missed, applying writes to the write-ahead log and
 * the index in one order, making them visible to searchers, committing in the background, closing.
 * <p>
 * A write is durable once its log sequence number is synced ({@link #awaitDurable}); the log's segments are dropped
 * once a Lucene commit, which costs dozens of fsyncs, holds their writes.
 */
final class LuceneIndex implements Closeable {

    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);
    /** Past this many pending memories a write refreshes at once, which bounds the duplicate check's scan. */
    static final int MAX_PENDING = 64;
    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);

    private final Path location;
    private final Directory directory;
    private final IndexWriter writer;
    private final WriteAheadLog log;
    private final WriterHealth health;
    private final SearcherManager searchers;
    private final PendingWrites pending = new PendingWrites();
    /** Keeps the log in the order the index applies writes, and excludes writes while a log segment is sealed. */
    private final Object appendLock = new Object();
    private final ScheduledExecutorService committer;
    private volatile IndexLayout layout;

    private LuceneIndex(Path location, Directory directory, IndexWriter writer, WriteAheadLog log,
            WriterHealth health, IndexLayout layout) throws IOException {
        this.location = location;
        this.layout = layout;
        this.directory = directory;
        this.writer = writer;
        this.log = log;
        this.health = health;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                // BM25's parameters apply at search time; the norms Lucene indexes do not depend on them.
                searcher.setSimilarity(new BM25Similarity(KeywordText.BM25_K1, KeywordText.BM25_B));
                return searcher;
            }
        });
        searchers.addListener(pending);
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
     * file lock is held for as long as the writer lives. A new index records {@code newStore} as its layout in its
     * first commit; an index whose keyword postings another analysis made is rebuilt ({@link KeywordRebuild}).
     */
    static LuceneIndex open(Path indexDirectory, IndexLayout newStore) {
        KeywordText.requireAnalysisOf(newStore);
        Directory directory = null;
        try {
            // Segments flushed for near-real-time search stay in memory until a commit or merge writes them; on disk
            // their dirty pages would have to be written out by every fsync of the write-ahead log.
            directory = new NRTCachingDirectory(FSDirectory.open(indexDirectory), 8, 64);
            IndexWriterConfig config = new IndexWriterConfig(KeywordText.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // Refreshes are frequent. By default a refresh waits up to 500 ms for small segments to merge
                    // and packs each one-document segment into a compound file; neither is worth it here.
                    .setMaxFullFlushMergeWaitMillis(0)
                    .setUseCompoundFile(false)
                    .setCommitOnClose(true);
            boolean created = !DirectoryReader.indexExists(directory);
            IndexWriter writer = new IndexWriter(directory, config);
            try {
                if (created) {
                    // Recorded by the recovery's commit, the index's first: no index exists without it.
                    writer.setLiveCommitData(RecordedLayout.entries(newStore).entrySet());
                }
                LogRecovery.replay(indexDirectory, writer);
                IndexLayout layout = recordedLayout(writer)
                        .orElseGet(() -> IndexLayout.legacy(newStore.embeddingModel()));
                if (!layout.keywordAnalysis().equals(newStore.keywordAnalysis())) {
                    layout = KeywordRebuild.run(writer, layout, newStore.keywordAnalysis());
                }
                WriteAheadLog log = WriteAheadLog.open(indexDirectory);
                log.deleteSealed();
                return new LuceneIndex(indexDirectory, directory, writer, log, new WriterHealth(writer, log,
                        LogQuarantine.entriesIn(indexDirectory), LogRecovery.damagedSegmentsIn(indexDirectory)),
                        layout);
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

    /**
     * Logs and indexes the write, in the same order; returns its log sequence number, not yet durable. A write the
     * index refuses is taken back out of the log: the caller is told it failed, so it must not come back on restart.
     */
    long apply(Memory memory, float[] vector) throws IOException {
        return applyAll(List.of(new StoredMemory(memory, vector)));
    }

    /**
     * Like {@link #apply}, but leaves the searcher as it is: the memory stays pending (see {@link #pending()}) until
     * the next read refreshes, or until {@link #MAX_PENDING} memories are.
     */
    long applyPending(Memory memory, float[] vector) throws IOException {
        int pendingNow;
        long sequence;
        synchronized (appendLock) {
            sequence = apply(memory, vector);
            pendingNow = pending.add(new StoredMemory(memory, vector));
        }
        if (pendingNow >= MAX_PENDING) {
            refresh();
        }
        return sequence;
    }

    /**
     * Logs and indexes every write; returns the last one's sequence number. A failure takes every one of them back out
     * of the log (a failing index writer drops what it has not committed, which the log alone would bring back).
     */
    long applyAll(List<StoredMemory> memories) throws IOException {
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

    /** What the index's vectors and postings were made with. */
    IndexLayout layout() {
        return layout;
    }

    /** Records the layout in a commit that holds every write applied before. */
    synchronized void recordLayout(IndexLayout recorded) throws IOException {
        writer.setLiveCommitData(RecordedLayout.entries(recorded).entrySet());
        commit();
        layout = recorded;
    }

    /** The sequence number of the newest write applied so far. */
    long latestWrite() {
        return log.appended();
    }

    /** Returns once the write with this sequence number, and every one before it, is durable. */
    void awaitDurable(long sequence) throws IOException {
        log.sync(sequence);
    }

    /** Memories applied but perhaps not yet in a searcher acquired after this returns. */
    PendingWrites pending() {
        return pending;
    }

    /** Makes every write applied so far visible to searchers acquired after this returns. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /**
     * Once a write is durable it is acknowledged: a failure to make it visible (the index writer failing, which
     * {@link WriterHealth} reports) must not tell the caller it was not stored, since it comes back on restart.
     */
    void refreshAfterDurableWrite() {
        try {
            refresh();
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "A durable write cannot be made visible to searches; it is replayed from the write-ahead log"
                    + " on the next start");
        }
    }

    /** A failure of the log or the index during a write, as the caller should see it. */
    RuntimeException writeFailed(String what, Exception cause) {
        return health.writeFailed(what, cause);
    }

    /** Runs the work on a searcher that sees every write applied so far. */
    <T> T read(SearcherFunction<T> work) {
        try {
            if (!pending.isEmpty()) {
                refresh();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the memory store", e);
        } catch (AlreadyClosedException e) {
            throw health.writeFailed("Cannot read the memory store", e);
        }
        return readAsIs(work);
    }

    /** Runs the work on the current searcher, which may miss the {@linkplain #pending() pending} memories. */
    <T> T readAsIs(SearcherFunction<T> work) {
        try {
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

    /**
     * Merges the index into one segment. Each segment has its own vector graph, and a search walks every graph with
     * the full beam: a search over the several segments an import leaves costs several times what it costs in one.
     */
    void forceMerge() throws IOException {
        writer.forceMerge(1);
        commit();
        refresh();
    }

    /**
     * Not ready once the index writer is closed (including after a tragic error) or while the log is not writable;
     * not live only in a state a restart alone can leave.
     */
    StoreStatus health() {
        return health.health();
    }

    Path location() {
        return location;
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

    private static Optional<IndexLayout> recordedLayout(IndexWriter writer) {
        Map<String, String> entries = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
        }
        return RecordedLayout.from(entries);
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
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
