package dev.minmemory.server.store.lucene;

import java.nio.file.FileSystemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.index.IndexWriter;
import org.jboss.logging.Logger;

import dev.minmemory.server.memory.StorageUnavailableException;
import dev.minmemory.server.memory.StoreStatus;

/**
 * Whether the embedded store can take writes and make them durable, and why not: the index writer (a tragic event,
 * such as running out of file descriptors during a flush, closes it for good), the write-ahead log (a failed append or
 * fsync, until it proves writable again) and the background commit (failing while the log still makes writes durable,
 * as when the directory is briefly read-only). What a start-up's log recovery set aside is counted too.
 */
final class WriterHealth {

    private static final Logger LOG = Logger.getLogger(WriterHealth.class);

    private final IndexWriter writer;
    private final WriteAheadLog log;
    private final int quarantinedEntries;
    private final int damagedSegments;
    private volatile String commitProblem;

    WriterHealth(IndexWriter writer, WriteAheadLog log, int quarantinedEntries, int damagedSegments) {
        this.writer = writer;
        this.log = log;
        this.quarantinedEntries = quarantinedEntries;
        this.damagedSegments = damagedSegments;
    }

    /** Refuses a write at once while the index writer is gone: the caller is told, and nothing reaches the log. */
    void requireWritable() {
        writerFailure().ifPresent(problem -> {
            throw new StorageUnavailableException(problem, writer.getTragicException());
        });
    }

    /** A failure of the log or the index during a write, as the caller should see it. */
    RuntimeException writeFailed(String what, Exception cause) {
        Optional<String> problem = writerFailure().or(log::durabilityProblem);
        return problem.<RuntimeException>map(reason -> new StorageUnavailableException(what + ": " + reason, cause))
                .orElseGet(() -> new IllegalStateException(what, cause));
    }

    void commitFailed(Exception cause) {
        if (commitProblem == null) {
            LOG.errorf(cause, "Committing the memory store failed; writes stay durable in the write-ahead log, which"
                    + " grows until a commit succeeds. Retrying every %d s", LuceneIndex.COMMIT_INTERVAL.toSeconds());
        }
        commitProblem = "commits are failing (" + describe(cause) + "); writes are durable in the write-ahead log";
    }

    void committed() {
        if (commitProblem != null) {
            LOG.info("Committing the memory store works again");
        }
        commitProblem = null;
    }

    /** After a failure of the log, checks whether it is writable again. */
    void probeLog() {
        if (log.durabilityProblem().isPresent()) {
            if (log.probe()) {
                LOG.info("The write-ahead log is writable again; writes are accepted");
            } else {
                LOG.warnf("Writes are refused: %s", log.durabilityProblem().orElse("unknown"));
            }
        }
    }

    boolean isWriterOpen() {
        return writerFailure().isEmpty();
    }

    StoreStatus health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("quarantined_log_entries", quarantinedEntries);
        details.put("damaged_log_segments", damagedSegments);
        Optional<String> writerFailure = writerFailure();
        if (writerFailure.isPresent()) {
            return new StoreStatus("embedded", false, writer.getTragicException() == null, writerFailure, details);
        }
        Optional<String> logProblem = log.durabilityProblem();
        if (logProblem.isPresent()) {
            return new StoreStatus("embedded", false, true, logProblem, details);
        }
        return new StoreStatus("embedded", true, true, Optional.ofNullable(commitProblem), details);
    }

    /**
     * A failure without any path (file system exceptions name their file; a message with a path is left out): health
     * output is public, and the server log has the whole exception.
     */
    static String describe(Throwable failure) {
        String reason = failure instanceof FileSystemException file ? file.getReason() : failure.getMessage();
        if (reason == null || reason.contains("/") || reason.contains("\\")) {
            return failure.getCause() == null ? failure.getClass().getSimpleName() : describe(failure.getCause());
        }
        return failure.getClass().getSimpleName() + ": " + reason;
    }

    private Optional<String> writerFailure() {
        Throwable tragic = writer.getTragicException();
        if (tragic != null) {
            return Optional.of("the index writer failed and cannot write again until the server restarts ("
                    + describe(tragic) + ")");
        }
        return writer.isOpen() ? Optional.empty() : Optional.of("the memory store is closed");
    }
}
