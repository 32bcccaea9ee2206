package dev.minmemory.server.store.qdrant;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.minmemory.server.memory.MemoryBackend;
import dev.minmemory.server.store.MemoryStoreContract;
import dev.minmemory.server.testing.Layouts;

/** The store contract against a real Qdrant: runs only when {@code QDRANT_TEST_URL} is set. */
@EnabledIfEnvironmentVariable(named = RealQdrant.URL_VARIABLE, matches = ".+")
class RealQdrantMemoryStoreTest extends MemoryStoreContract {

    private QdrantSettings settings;

    @Override
    protected MemoryBackend openStore() {
        settings = RealQdrant.newCollection();
        return QdrantMemoryStore.connect(settings, Layouts.NEW_STORE);
    }

    @Override
    protected MemoryBackend reopen(MemoryBackend current) {
        ((QdrantMemoryStore) current).close();
        return QdrantMemoryStore.connect(settings, Layouts.NEW_STORE);
    }

    @Override
    protected void closeStore(MemoryBackend current) {
        ((QdrantMemoryStore) current).close();
        RealQdrant.drop(settings);
    }
}
