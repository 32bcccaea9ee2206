package dev.minmemory.server.embedding;

/** The embedding model is still loading, which passes (callers may retry), or it failed to load, which does not. */
public class EmbeddingModelUnavailableException extends RuntimeException {

    private final boolean stillLoading;

    private EmbeddingModelUnavailableException(String message, Throwable cause, boolean stillLoading) {
        super(message, cause);
        this.stillLoading = stillLoading;
    }

    public static EmbeddingModelUnavailableException stillLoading(String message) {
        return new EmbeddingModelUnavailableException(message, null, true);
    }

    public static EmbeddingModelUnavailableException failedToLoad(String message, Throwable cause) {
        return new EmbeddingModelUnavailableException(message, cause, false);
    }

    /** Whether retrying in a few seconds can succeed. */
    public boolean stillLoading() {
        return stillLoading;
    }
}
