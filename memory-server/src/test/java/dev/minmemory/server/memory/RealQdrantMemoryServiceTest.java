package dev.minmemory.server.memory;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.minmemory.server.store.qdrant.QdrantMemoryStore;
import dev.minmemory.server.store.qdrant.QdrantSettings;
import dev.minmemory.server.store.qdrant.RealQdrant;
import dev.minmemory.server.testing.Layouts;

/** The memory domain against a real Qdrant: runs only when {@code QDRANT_TEST_URL} is set. */
@EnabledIfEnvironmentVariable(named = RealQdrant.URL_VARIABLE, matches = ".+")
class RealQdrantMemoryServiceTest extends MemoryServiceContract {

    private QdrantSettings settings;

    @Override
    protected MemoryStore openStore() {
        settings = RealQdrant.newCollection();
        return QdrantMemoryStore.connect(settings, Layouts.NEW_STORE);
    }

    @Override
    protected void closeStore(MemoryStore current) {
        ((QdrantMemoryStore) current).close();
        RealQdrant.drop(settings);
    }
}
