package dev.minmemory.server.store.qdrant;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.minmemory.server.memory.StorageUnavailableException;

/**
 * Whether the collection is prepared, and getting it there: in the background at start-up, retried with backoff
 * (1 s doubling to 30 s) while Qdrant is unreachable; at once when a readiness probe or a call finds it not ready,
 * so that readiness follows Qdrant's return without waiting for the next scheduled attempt.
 */
final class QdrantReadiness {

    private static final long MAX_RETRY_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(QdrantReadiness.class);

    private final CollectionBootstrap bootstrap;
    private final String address;
    private final ScheduledExecutorService retries;
    private volatile boolean ready;
    private volatile boolean closed;
    private volatile String problem = "not connected yet";
    private int failedAttempts;

    QdrantReadiness(CollectionBootstrap bootstrap, String address) {
        this.bootstrap = bootstrap;
        this.address = address;
        this.retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "qdrant-connect");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts preparing the collection in the background. */
    void startInBackground() {
        retries.execute(this::prepareOrRetry);
    }

    /** Prepares the collection now, unless it is ready; fails as the preparation fails. */
    synchronized void prepareNow() {
        if (ready) {
            return;
        }
        try {
            bootstrap.prepare();
            ready = true;
            problem = null;
        } catch (RuntimeException e) {
            problem = e.getMessage();
            throw e;
        }
    }

    /** Fails fast while the collection is not prepared, after one immediate attempt to prepare it. */
    void requireReady() {
        if (ready) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("The Qdrant memory store is closed");
        }
        try {
            prepareNow();
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("The Qdrant collection " + address + " cannot be used: "
                    + problem, e);
        }
    }

    /** Ready once the collection is prepared and Qdrant answers now, with the collection still there. */
    boolean isAvailable() {
        if (closed) {
            return false;
        }
        try {
            prepareNow();
            boolean exists = bootstrap.stillExists();
            if (!exists) {
                ready = false;
                problem = "the collection disappeared";
                LOG.warnf("Qdrant collection %s no longer exists; it will be created again", address);
            }
            return exists;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void close() {
        closed = true;
        retries.shutdownNow();
    }

    private void prepareOrRetry() {
        if (closed || ready) {
            return;
        }
        try {
            prepareNow();
            failedAttempts = 0;
        } catch (StorageUnavailableException e) {
            long delay = Math.min(MAX_RETRY_SECONDS, 1L << Math.min(failedAttempts++, 5));
            LOG.warnf("Qdrant at %s is unreachable (%s): readiness stays DOWN, retrying in %d s", address,
                    rootMessage(e), delay);
            schedule(delay);
        } catch (RuntimeException e) {
            LOG.errorf("The Qdrant collection %s cannot be used: %s. Readiness stays DOWN; checking again in %d s",
                    address, e.getMessage(), MAX_RETRY_SECONDS);
            schedule(MAX_RETRY_SECONDS);
        }
    }

    private void schedule(long seconds) {
        if (!closed) {
            retries.schedule(this::prepareOrRetry, seconds, TimeUnit.SECONDS);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }
}
