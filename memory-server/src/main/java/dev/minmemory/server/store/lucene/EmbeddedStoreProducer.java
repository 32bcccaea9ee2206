package dev.minmemory.server.store.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.minmemory.server.memory.MemoryConfig;
import dev.minmemory.server.store.MemoryStore;
import io.quarkus.runtime.Startup;

/** Opens the embedded store under the data directory at start-up, so a locked or unreadable store fails fast. */
@Singleton
public class EmbeddedStoreProducer {

    private static final Logger LOG = Logger.getLogger(EmbeddedStoreProducer.class);

    @Produces
    @Singleton
    @Startup
    MemoryStore embeddedStore(MemoryConfig config) {
        Path index = config.dataDir().resolve("index");
        try {
            Files.createDirectories(index);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + index
                    + ": set MCP_DATA_DIR to a writable directory", e);
        }
        LuceneMemoryStore store = LuceneMemoryStore.open(index);
        LOG.infof("Embedded memory store open at %s", index);
        return store;
    }

    void close(@Disposes MemoryStore store) {
        ((LuceneMemoryStore) store).close();
    }
}
