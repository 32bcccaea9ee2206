package dev.minmemory.server.embedding;

/** The embedding model is still loading or failed to load; callers may retry the former. */
public class EmbeddingModelUnavailableException extends RuntimeException {

    public EmbeddingModelUnavailableException(String message) {
        super(message);
    }

    public EmbeddingModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
