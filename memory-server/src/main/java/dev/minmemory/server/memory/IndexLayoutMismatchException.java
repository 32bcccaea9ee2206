package dev.minmemory.server.memory;

/** The store's recorded layout does not fit the configuration; the message says, on one line, what to do. */
public class IndexLayoutMismatchException extends IllegalStateException {

    public IndexLayoutMismatchException(String message) {
        super(message);
    }
}
