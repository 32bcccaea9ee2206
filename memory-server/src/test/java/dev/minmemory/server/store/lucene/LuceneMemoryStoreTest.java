package dev.minmemory.server.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.minmemory.server.memory.DuplicateQuery;
import dev.minmemory.server.memory.EmbeddingScheme;
import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryBackend;
import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.ScopeFilter;
import dev.minmemory.server.memory.SearchHit;
import dev.minmemory.server.memory.SearchQuery;
import dev.minmemory.server.memory.StoredMemory;
import dev.minmemory.server.store.KeywordText;
import dev.minmemory.server.store.MemoryStoreContract;
import dev.minmemory.server.testing.Layouts;

/** The store contract on the embedded Lucene store, plus what only it has: its log, its lock, its directory. */
class LuceneMemoryStoreTest extends MemoryStoreContract {

    @TempDir
    Path dir;

    @Override
    protected MemoryBackend openStore() {
        return LuceneMemoryStore.open(dir, Layouts.NEW_STORE);
    }

    @Override
    protected MemoryBackend reopen(MemoryBackend current) {
        ((LuceneMemoryStore) current).close();
        return LuceneMemoryStore.open(dir, Layouts.NEW_STORE);
    }

    @Override
    protected void closeStore(MemoryBackend current) {
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

        try (LuceneMemoryStore recovered = LuceneMemoryStore.open(crashed, Layouts.NEW_STORE)) {
            assertThat(recovered.find("u", memory.id())).contains(memory);
        }
    }

    @Test
    void aNewStoresLayoutIsInItsFirstCommitSoARecoveryFromTheLogKeepsIt() throws Exception {
        save(memory("u", "acknowledged, not yet committed", Scope.GLOBAL, null, null, "e"), randomUnitVector());
        Path crashed = dir.resolveSibling(dir.getFileName() + "-crashed");
        copyAsACrashWouldLeaveIt(dir, crashed);

        try (LuceneMemoryStore recovered = LuceneMemoryStore.open(crashed,
                new IndexLayout("other-model", EmbeddingScheme.TEXT, KeywordText.ANALYSIS))) {
            assertThat(recovered.layout()).isEqualTo(Layouts.NEW_STORE);
        }
    }

    @Test
    void anIndexMadeBeforeLayoutsWereRecordedOpensAsBareTextAndGetsItsKeywordPostingsRebuilt() throws Exception {
        lucene().close();
        store = null;
        Path legacy = dir.resolveSibling(dir.getFileName() + "-legacy");
        Memory memory = memory("u", "Alice deploys the services", Scope.GLOBAL, null, null, "alice");
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(legacy),
                new IndexWriterConfig(new StandardAnalyzer()))) {
            writer.addDocument(MemoryDocument.of(memory, randomUnitVector()));
            writer.commit();
        }
        assertThat(postings(legacy, "deploi")).isZero();

        try (LuceneMemoryStore opened = LuceneMemoryStore.open(legacy, Layouts.NEW_STORE)) {
            assertThat(opened.layout()).isEqualTo(new IndexLayout(Layouts.NEW_STORE.embeddingModel(),
                    EmbeddingScheme.TEXT, KeywordText.ANALYSIS));
            assertThat(opened.find("u", memory.id())).contains(memory);
        }
        assertThat(postings(legacy, "deploi")).isEqualTo(1);
    }

    /** How many documents hold the term, Porter's stem of "deploys" for the English analysis. */
    private static int postings(Path index, String term) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            return reader.docFreq(new Term(MemoryDocument.CONTENT, term));
        }
    }

    @Test
    void theDuplicateCheckFindsANearCopyAmongThousandsOfAlikeMemories() {
        // 100 clusters of 100 (cosine ~0.8 within a cluster), as real memories crowd around a few topics; the copies
        // asked for are at cosine ~0.99 from their original, the duplicate threshold being 0.97.
        List<StoredMemory> all = new ArrayList<>();
        for (int cluster = 0; cluster < 100; cluster++) {
            float[] centre = randomUnitVector();
            for (int i = 0; i < 100; i++) {
                all.add(new StoredMemory(memory("u", "note " + cluster + "/" + i, Scope.GLOBAL, null, null, "e"),
                        near(centre, 0.5f)));
            }
        }
        store.saveAll(all);

        for (int i = 0; i < all.size(); i += 97) {
            StoredMemory original = all.get(i);
            DuplicateQuery nearCopy = new DuplicateQuery(near(original.vector(), 0.15f), "unrelated words",
                    MemoryFilter.ALL, 0.97, 5);
            assertThat(store.findNear("u", nearCopy)).extracting(SearchHit::memory).contains(original.memory());
        }
    }

    @Test
    void theDuplicateCheckFindsANearCopyInItsScopeBehindCloserCopiesEverywhereElse() {
        float[] text = randomUnitVector();
        List<StoredMemory> elsewhere = new ArrayList<>();
        // More exact copies than the duplicate check's nearest candidates, none of which count: another project,
        // another user, a deleted memory.
        for (int i = 0; i < 40; i++) {
            elsewhere.add(new StoredMemory(memory("u", "copy " + i, Scope.PROJECT, "other", null, "e"), text));
        }
        elsewhere.add(new StoredMemory(memory("v", "copy of v", Scope.PROJECT, "mine", null, "e"), text));
        elsewhere.add(new StoredMemory(memory("u", "deleted copy", Scope.PROJECT, "mine", null, "e")
                .asDeleted(T0.plusSeconds(1)), text));
        for (int i = 0; i < 500; i++) {
            elsewhere.add(new StoredMemory(memory("u", "note " + i, Scope.PROJECT, "mine", null, "e"),
                    randomUnitVector()));
        }
        store.saveAll(elsewhere);
        Memory inScope = memory("u", "the copy in scope", Scope.PROJECT, "mine", null, "e");
        float[] nearCopy = near(text, 0.1f);
        store.save(inScope, nearCopy);
        MemoryFilter mine = MemoryFilter.of(List.of(ScopeFilter.project("mine")));

        assertThat(store.findNear("u", new DuplicateQuery(text, "copy", mine, 0.97, 5)))
                .first().satisfies(hit -> assertThat(hit.memory()).isEqualTo(inScope));
    }

    @Test
    void compactingLeavesOneSegmentWithEveryMemoryFindable() throws IOException {
        List<StoredMemory> all = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            List<StoredMemory> memories = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                memories.add(new StoredMemory(memory("u", "note " + batch + "/" + i, Scope.GLOBAL, null, null, "e"),
                        randomUnitVector()));
            }
            store.saveAll(memories);
            all.addAll(memories);
        }
        lucene().compact();

        assertThat(segmentsOnDisk()).isEqualTo(1);
        for (StoredMemory stored : all) {
            assertThat(store.find("u", stored.memory().id())).contains(stored.memory());
        }
        assertThat(store.search("u",
                new SearchQuery(all.get(77).vector(), "unrelated words", MemoryFilter.ALL, 1, FUSION)))
                .extracting(SearchHit::memory).containsExactly(all.get(77).memory());
    }

    @Test
    void theStoreIsAvailableUntilClosed() {
        assertThat(store.isAvailable()).isTrue();
        lucene().close();

        assertThat(store.isAvailable()).isFalse();
        store = LuceneMemoryStore.open(dir, Layouts.NEW_STORE);
    }

    @Test
    void aSecondStoreOnTheSameDirectoryFailsAtOnceSayingItIsInUse() {
        assertThatThrownBy(() -> LuceneMemoryStore.open(dir, Layouts.NEW_STORE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another min-memory process")
                .hasMessageContaining("MCP_DATA_DIR");
    }

    private long segmentsOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".si")).count();
        }
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
