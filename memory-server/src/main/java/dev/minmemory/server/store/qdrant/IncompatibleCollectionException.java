package dev.minmemory.server.store.qdrant;

/** The collection exists with a layout this server cannot use, or the Qdrant server is too old. */
public final class IncompatibleCollectionException extends IllegalStateException {

    IncompatibleCollectionException(String message) {
        super(message);
    }
}
