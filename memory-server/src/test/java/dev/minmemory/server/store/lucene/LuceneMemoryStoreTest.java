package dev.minmemory.server.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.store.MemoryStore;
import dev.minmemory.server.store.MemoryStoreContract;

/** The store contract on the embedded Lucene store, plus what only it has: its log, its lock, its directory. */
class LuceneMemoryStoreTest extends MemoryStoreContract {

    @TempDir
    Path dir;

    @Override
    protected MemoryStore openStore() {
        return LuceneMemoryStore.open(dir);
    }

    @Override
    protected MemoryStore reopen(MemoryStore current) {
        ((LuceneMemoryStore) current).close();
        return LuceneMemoryStore.open(dir);
    }

    @Override
    protected void closeStore(MemoryStore current) {
        if (current.isAvailable()) {
            ((LuceneMemoryStore) current).close();
        }
    }

    private LuceneMemoryStore lucene() {
        return (LuceneMemoryStore) store;
    }

    @Test
    void anAcknowledgedWriteThatNoCommitHoldsYetIsRecoveredFromTheLog() throws Exception {
        Memory memory = save(memory("u", "acknowledged, not yet committed", Scope.GLOBAL, null, null, "e"),
                randomUnitVector());
        Path crashed = dir.resolveSibling(dir.getFileName() + "-crashed");
        copyAsACrashWouldLeaveIt(dir, crashed);

        try (LuceneMemoryStore recovered = LuceneMemoryStore.open(crashed)) {
            assertThat(recovered.find("u", memory.id())).contains(memory);
        }
    }

    @Test
    void theStoreIsAvailableUntilClosed() {
        assertThat(store.isAvailable()).isTrue();
        lucene().close();

        assertThat(store.isAvailable()).isFalse();
        store = LuceneMemoryStore.open(dir);
    }

    @Test
    void aSecondStoreOnTheSameDirectoryFailsAtOnceSayingItIsInUse() {
        assertThatThrownBy(() -> LuceneMemoryStore.open(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another min-memory process")
                .hasMessageContaining("MCP_DATA_DIR");
    }

    /** The files on disk, minus the lock that only a live process holds. */
    private static void copyAsACrashWouldLeaveIt(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
