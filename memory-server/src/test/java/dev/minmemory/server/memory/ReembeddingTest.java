package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.minmemory.server.store.KeywordText;
import dev.minmemory.server.store.lucene.LuceneMemoryStore;
import dev.minmemory.server.testing.Layouts;

class ReembeddingTest {

    private static final IndexLayout BARE_TEXT = new IndexLayout("bge-small-en-v1.5-q", EmbeddingScheme.TEXT,
            KeywordText.ANALYSIS);

    private final Embedder embedder = TestModel.embedder();

    @TempDir
    Path dir;

    @Test
    void givesEveryMemoryTheVectorOfTheSchemeAndKeepsTheRecordsAsTheyWere() {
        try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, Layouts.NEW_STORE)) {
            List<Memory> memories = new ArrayList<>();
            for (int i = 0; i < Reembedding.BATCH + 3; i++) {
                Instant at = Instant.parse("2026-03-01T10:15:30.123Z").plusSeconds(i);
                Memory memory = new Memory("id-" + i, i % 2 == 0 ? "alice" : "bob", "Fact " + i + " (8 May, 2023)",
                        MemoryType.EPISODIC, Scope.GLOBAL, "entity-" + i, null, null, List.of(), Map.of(),
                        List.of("t"), "active", null, at, at, i == 5, i == 5 ? at : null, null);
                memories.add(memory);
                store.save(memory, embedder.embedPassage(memory.text()));
            }
            List<Long> progress = new ArrayList<>();

            long count = new Reembedding(embedder, EmbeddingScheme.ENTITY_TEXT).run(store, progress::add);

            assertThat(count).isEqualTo(memories.size());
            assertThat(progress).containsExactly((long) Reembedding.BATCH, (long) memories.size());
            Map<String, StoredMemory> after = new HashMap<>();
            store.forEachMemory(stored -> after.put(stored.memory().id(), stored));
            for (Memory memory : memories) {
                StoredMemory stored = after.get(memory.id());
                assertThat(stored.memory()).isEqualTo(memory);
                String n = memory.id().substring("id-".length());
                // Batches pad texts, which moves an int8 vector a little, hence not exact.
                double toScheme = dot(stored.vector(), embedder.embedPassage("entity-" + n + ": Fact " + n));
                assertThat(toScheme).as(memory.id()).isGreaterThan(0.99)
                        .isGreaterThan(dot(stored.vector(), embedder.embedPassage(memory.text())));
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void aFinishedRunRecordsTheNewModelAndScheme() {
        try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, BARE_TEXT)) {
            store.save(memory(1), embedder.embedPassage("Fact 1"));

            new Reembedding(embedder, EmbeddingScheme.ENTITY_TEXT).run(store, done -> {
            });

            assertThat(store.layout()).isEqualTo(new IndexLayout(embedder.modelId(), EmbeddingScheme.ENTITY_TEXT,
                    store.layout().keywordAnalysis()));
        }
    }

    @Test
    void aRunThatStopsHalfWayLeavesAStoreTheServerRefusesUntilARunFinishes() {
        try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, BARE_TEXT)) {
            for (int i = 0; i < Reembedding.BATCH * 2; i++) {
                store.save(memory(i), embedder.embedPassage("Fact " + i));
            }
            ConfiguredEmbedding configured = new ConfiguredEmbedding(embedder.modelId(), Optional.empty());

            assertThatThrownBy(() -> new Reembedding(embedder, EmbeddingScheme.ENTITY_TEXT).run(store, done -> {
                throw new IllegalStateException("killed after " + done);
            })).hasMessageContaining("killed");

            assertThat(store.layout().reembedding()).isTrue();
            assertThatThrownBy(() -> configured.accept(store.layout()))
                    .isInstanceOf(IndexLayoutMismatchException.class)
                    .hasMessageContaining("run the reembed command again");

            new Reembedding(embedder, EmbeddingScheme.ENTITY_TEXT).run(store, done -> {
            });

            assertThat(configured.accept(store.layout()).embeddingScheme()).isEqualTo(EmbeddingScheme.ENTITY_TEXT);
        }
    }

    private static Memory memory(int n) {
        Instant at = Instant.parse("2026-03-01T10:15:30.123Z");
        return new Memory("id-" + n, "alice", "Fact " + n, MemoryType.EPISODIC, Scope.GLOBAL, "entity-" + n, null,
                null, List.of(), Map.of(), List.of(), "active", null, at, at, false, null, null);
    }

    @Test
    void anEmptyStoreHasNothingToDo() {
        try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, Layouts.NEW_STORE)) {
            List<Long> progress = new ArrayList<>();

            assertThat(new Reembedding(embedder, EmbeddingScheme.ENTITY_TEXT).run(store, progress::add)).isZero();
            assertThat(progress).isEmpty();
        }
    }
}
