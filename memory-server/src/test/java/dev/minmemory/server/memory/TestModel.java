package dev.minmemory.server.memory;

import java.nio.file.Path;

import dev.minmemory.server.embedding.EmbeddingModel;
import dev.minmemory.server.embedding.OnnxEmbedder;

/** The int8 bge model, loaded once for every test class of this JVM that needs real embeddings. */
final class TestModel {

    private static OnnxEmbedder embedder;

    private TestModel() {
    }

    static synchronized OnnxEmbedder embedder() {
        if (embedder == null) {
            try {
                embedder = OnnxEmbedder.load(EmbeddingModel.BGE_SMALL_EN_V15_Q, Path.of("target/model-cache"), 2);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot load the test embedding model", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(embedder::close));
        }
        return embedder;
    }
}
