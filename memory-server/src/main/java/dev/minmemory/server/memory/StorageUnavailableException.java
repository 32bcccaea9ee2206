package dev.minmemory.server.memory;

/**
 * The store cannot be reached right now (its server is down, restarting or unreachable). The operation did not
 * complete and left nothing half-written: each write is a single atomic operation on the store, so retrying is safe.
 */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
