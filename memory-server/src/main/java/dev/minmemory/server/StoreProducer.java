package dev.minmemory.server;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.minmemory.server.embedding.EmbeddingConfig;
import dev.minmemory.server.embedding.EmbeddingModel;
import dev.minmemory.server.memory.ConfiguredEmbedding;
import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.memory.MemoryBackend;
import dev.minmemory.server.memory.MemoryConfig;
import dev.minmemory.server.store.KeywordText;
import dev.minmemory.server.store.lucene.LuceneMemoryStore;
import dev.minmemory.server.store.qdrant.QdrantConfig;
import dev.minmemory.server.store.qdrant.QdrantMemoryStore;
import io.quarkus.runtime.Startup;

/**
 * The one {@link MemoryBackend} of the server, chosen by configuration: Qdrant when {@code QDRANT_URL} is set, otherwise
 * the embedded store under the data directory. The embedded store opens at start-up, so a locked or unreadable
 * directory fails fast; it is not touched at all when Qdrant is configured. Qdrant is connected in the background.
 */
@Singleton
public class StoreProducer {

    private static final Logger LOG = Logger.getLogger(StoreProducer.class);

    @Produces
    @Singleton
    @Startup
    MemoryBackend memoryStore(QdrantConfig qdrant, MemoryConfig memory, EmbeddingConfig embedding) {
        IndexLayout newStore = new ConfiguredEmbedding(embedding.model().orElse(EmbeddingModel.DEFAULT.id()),
                memory.embeddingScheme())
                .layoutOfNewVectors(KeywordText.ANALYSIS);
        if (qdrant.url().filter(url -> !url.isBlank()).isPresent()) {
            return QdrantMemoryStore.start(qdrant.settings(), newStore);
        }
        Path index = memory.dataDir().resolve("index");
        try {
            Files.createDirectories(index);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + index
                    + ": set MCP_DATA_DIR to a writable directory", e);
        }
        LuceneMemoryStore store = LuceneMemoryStore.open(index, newStore);
        LOG.infof("Embedded memory store open at %s (%s)", index, store.layout());
        return store;
    }

    void close(@Disposes MemoryBackend store) throws IOException {
        if (store instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
