package dev.minmemory.server.embedding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "memory.embedding")
public interface EmbeddingConfig {

    /** One of {@link EmbeddingModel}'s ids. */
    @WithDefault("bge-small-en-v1.5-q")
    String model();

    /**
     * ONNX Runtime intra-op threads per model call. One by default: a memory or a question is a few dozen tokens,
     * which a second thread does not embed any faster (about 3.7 ms either way on 2 cores), while concurrent calls,
     * each on its own core, embed 1.25 to 1.8 times as many per second as calls that share two threads
     * (docs/BENCHMARKS.md). More threads pay only for long texts (512 tokens: 108 ms on one thread, 71 ms on two) on an
     * otherwise idle machine.
     */
    @WithDefault("1")
    int threads();

    /** Where model files are extracted and native libraries cached; must be writable. */
    Optional<Path> cacheDir();
}
