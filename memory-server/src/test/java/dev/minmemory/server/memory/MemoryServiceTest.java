package dev.minmemory.server.memory;

import dev.minmemory.server.store.lucene.LuceneMemoryStore;
import dev.minmemory.server.testing.Layouts;

/** The memory domain on the embedded Lucene store. */
class MemoryServiceTest extends MemoryServiceContract {

    @Override
    protected MemoryStore openStore() {
        return LuceneMemoryStore.open(dataDir.resolve("index"), Layouts.NEW_STORE);
    }

    @Override
    protected void closeStore(MemoryStore current) {
        ((LuceneMemoryStore) current).close();
    }
}
