package dev.minmemory.server.memory;

import java.util.Optional;

/**
 * The embedding the configuration asks for, and the one place that decides what a store's vectors are made with: a
 * new store takes the configuration, an existing store keeps its recorded layout. A scheme left unset follows the
 * store; a model, or a scheme set explicitly, that differs from the record refuses the store, since new vectors
 * would not compare with the stored ones.
 *
 * @param scheme empty when {@code memory.embedding.scheme} is not set
 */
public record ConfiguredEmbedding(String model, Optional<EmbeddingScheme> scheme) {

    /** What a store made now, or re-embedded now, records. */
    public IndexLayout layoutOfNewVectors(String keywordAnalysis) {
        return new IndexLayout(model, scheme.orElse(EmbeddingScheme.ENTITY_TEXT), keywordAnalysis);
    }

    /**
     * The layout the store is served with: its own.
     *
     * @throws IndexLayoutMismatchException with a one-line message saying what to do, if it cannot be served
     */
    public IndexLayout accept(IndexLayout recorded) {
        if (recorded.reembedding()) {
            throw new IndexLayoutMismatchException("The memory store was being re-embedded (to " + recorded
                    .embeddingModel() + ", scheme " + recorded.embeddingScheme().id() + ") and the re-embedding did not"
                    + " finish, so its vectors are mixed: run the reembed command again with that model and scheme.");
        }
        if (!recorded.embeddingModel().equals(model)) {
            throw new IndexLayoutMismatchException("The memory store holds vectors of the embedding model "
                    + recorded.embeddingModel() + ", but " + model + " is configured: run the reembed command to"
                    + " re-embed it with " + model + ", or set MEMORY_EMBEDDING_MODEL=" + recorded.embeddingModel()
                    + " to keep it as it is.");
        }
        if (scheme.isPresent() && scheme.get() != recorded.embeddingScheme()) {
            throw new IndexLayoutMismatchException("The memory store holds vectors of the embedding scheme "
                    + recorded.embeddingScheme().id() + ", but " + scheme.get().id() + " is configured: run the"
                    + " reembed command to re-embed it with " + scheme.get().id() + ", or unset"
                    + " MEMORY_EMBEDDING_SCHEME to keep it as it is.");
        }
        return recorded;
    }
}
