package dev.minmemory.server.embedding;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "memory.embedding")
public interface EmbeddingConfig {

    /**
     * One of {@link EmbeddingModel}'s ids. Unset, a store keeps the model its vectors come from and a new store gets
     * {@link EmbeddingModel#DEFAULT}; set, it must be the store's ({@code reembed} moves a store to it).
     */
    Optional<String> model();

    /**
     * ONNX Runtime intra-op threads per model call. One by default: short texts embed no faster on more, and
     * concurrent calls on one thread each embed more per second (measured in docs/ARCHITECTURE.md, "Embeddings").
     */
    @WithDefault("1")
    int threads();

    /** Where model files are extracted and native libraries cached; must be writable. */
    Optional<Path> cacheDir();
}
