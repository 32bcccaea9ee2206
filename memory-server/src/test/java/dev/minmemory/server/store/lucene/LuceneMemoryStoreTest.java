package dev.minmemory.server.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.RelationType;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.ScopeFilter;
import dev.minmemory.server.store.SearchHit;
import dev.minmemory.server.store.SearchQuery;

class LuceneMemoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private LuceneMemoryStore store;
    private final Random random = new Random(42);

    @BeforeEach
    void open() {
        store = LuceneMemoryStore.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSavedMemoryIsFoundByItsOwnerOnly() {
        Memory memory = memory("alice", "Alice prefers tabs", Scope.GLOBAL, null, null, "alice");
        store.save(memory, randomUnitVector());

        assertThat(store.find("alice", memory.id())).contains(memory);
        assertThat(store.find("bob", memory.id())).isEmpty();
        assertThat(store.find("alice", UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void searchNeverReturnsAnotherUsersMemories() {
        float[] vector = randomUnitVector();
        store.save(memory("alice", "the deploy key is in vault", Scope.GLOBAL, null, null, "deploy"), vector);

        List<SearchHit> hits = store.search("bob", new SearchQuery(vector, "deploy key vault", MemoryFilter.ALL, 10));

        assertThat(hits).isEmpty();
    }

    @Test
    void anExactIdentifierIsFoundByKeywordEvenWhenItsVectorIsFarFromTheQuery() {
        float[] query = randomUnitVector();
        for (int i = 0; i < 30; i++) {
            store.save(memory("u", "general note number " + i, Scope.GLOBAL, null, null, "notes"), near(query, 0.3f));
        }
        Memory code = memory("u", "Billing fails with ERR_QUOTA_7731 when the plan expires", Scope.GLOBAL, null, null,
                "billing");
        store.save(code, randomUnitVector());

        List<SearchHit> hits = store.search("u", new SearchQuery(query, "ERR_QUOTA_7731", MemoryFilter.ALL, 5));

        assertThat(hits).extracting(hit -> hit.memory().id()).contains(code.id());
    }

    @Test
    void similarityIsTheCosineOfTheStoredVectorAndTheQuery() {
        float[] vector = randomUnitVector();
        store.save(memory("u", "some text", Scope.GLOBAL, null, null, "e"), vector);

        SearchHit hit = store.search("u", new SearchQuery(vector, "unrelated words", MemoryFilter.ALL, 1)).get(0);

        assertThat(hit.similarity()).isCloseTo(1.0, offset(1e-5));
        assertThat(hit.relevance()).isBetween(0.0, 1.0);
    }

    @Test
    void scopeFiltersSelectGlobalOneProjectAndOneTask() {
        float[] vector = randomUnitVector();
        Memory global = save(memory("u", "global", Scope.GLOBAL, null, null, "e"), vector);
        Memory projectA = save(memory("u", "project a", Scope.PROJECT, "a", null, "e"), vector);
        save(memory("u", "project b", Scope.PROJECT, "b", null, "e"), vector);
        Memory taskA1 = save(memory("u", "task a1", Scope.TASK, "a", "1", "e"), vector);
        save(memory("u", "task a2", Scope.TASK, "a", "2", "e"), vector);

        MemoryFilter hierarchy = MemoryFilter.of(
                List.of(ScopeFilter.global(), ScopeFilter.project("a"), ScopeFilter.task("a", "1")));
        List<SearchHit> hits = store.search("u", new SearchQuery(vector, "x", hierarchy, 10));

        assertThat(hits).extracting(hit -> hit.memory().id())
                .containsExactlyInAnyOrder(global.id(), projectA.id(), taskA1.id());
    }

    @Test
    void softDeletedMemoriesAreFoundByIdButInvisibleToSearchEntitiesStatsAndLinks() {
        float[] vector = randomUnitVector();
        Memory target = save(memory("u", "target", Scope.GLOBAL, null, null, "kept"), vector);
        Memory deleted = save(memory("u", "deleted", Scope.GLOBAL, null, null, "gone"), vector)
                .withLink(target.id(), RelationType.SUPPORTS, T0);
        store.saveKeepingVector(deleted.asDeleted(T0.plusSeconds(5)));

        assertThat(store.find("u", deleted.id())).get().extracting(Memory::deleted).isEqualTo(true);
        assertThat(store.search("u", new SearchQuery(vector, "deleted", MemoryFilter.ALL, 10)))
                .extracting(hit -> hit.memory().id()).containsExactly(target.id());
        assertThat(store.entities("u", MemoryFilter.ALL)).extracting(usage -> usage.entity()).containsExactly("kept");
        assertThat(store.stats("u", MemoryFilter.ALL).total()).isEqualTo(1);
        assertThat(store.findLinkingTo("u", target.id())).isEmpty();
    }

    @Test
    void savingKeepingTheVectorLeavesTheMemoryFindableByItsVector() {
        float[] vector = randomUnitVector();
        Memory memory = save(memory("u", "before", Scope.GLOBAL, null, null, "e"), vector);
        store.save(memory("u", "other", Scope.GLOBAL, null, null, "e"), randomUnitVector());

        store.saveKeepingVector(memory.withLink(UUID.randomUUID().toString(), RelationType.REFINES, T0));

        SearchHit best = store.search("u", new SearchQuery(vector, "zzz", MemoryFilter.ALL, 1)).get(0);
        assertThat(best.memory().id()).isEqualTo(memory.id());
        assertThat(best.memory().relatedTo()).hasSize(1);
    }

    @Test
    void linksAreFoundFromTheirTarget() {
        Memory target = save(memory("u", "target", Scope.GLOBAL, null, null, "e"), randomUnitVector());
        Memory source = save(memory("u", "source", Scope.GLOBAL, null, null, "e"), randomUnitVector());
        store.saveKeepingVector(source.withLink(target.id(), RelationType.DEPENDS_ON, T0));

        assertThat(store.findLinkingTo("u", target.id())).extracting(Memory::id).containsExactly(source.id());
        assertThat(store.findLinkingTo("other", target.id())).isEmpty();
    }

    @Test
    void entitiesAreCountedWithFirstSeenAndLastUpdatedInNameOrder() {
        save(memory("u", "one", Scope.GLOBAL, null, null, "postgres"), randomUnitVector());
        save(withTimes(memory("u", "two", Scope.PROJECT, "p", null, "postgres"), T0.plusSeconds(60)), randomUnitVector());
        save(memory("u", "three", Scope.GLOBAL, null, null, "kafka"), randomUnitVector());

        assertThat(store.entities("u", MemoryFilter.ALL)).satisfiesExactly(
                kafka -> assertThat(kafka.entity()).isEqualTo("kafka"),
                postgres -> {
                    assertThat(postgres.entity()).isEqualTo("postgres");
                    assertThat(postgres.count()).isEqualTo(2);
                    assertThat(postgres.firstSeen()).isEqualTo(T0);
                    assertThat(postgres.lastUpdated()).isEqualTo(T0.plusSeconds(60));
                });
        assertThat(store.entities("u", MemoryFilter.of(List.of(ScopeFilter.project("p")))))
                .extracting(usage -> usage.count()).containsExactly(1L);
    }

    @Test
    void statsCountLiveMemoriesByType() {
        save(memory("u", "a", Scope.PROJECT, "p", null, "e"), randomUnitVector());
        save(memory("u", "b", Scope.TASK, "p", "t", "e"), randomUnitVector());

        assertThat(store.stats("u", MemoryFilter.of(List.of(ScopeFilter.project("p"), ScopeFilter.task("p", null))))
                .countsByType()).isEqualTo(Map.of(MemoryType.PROJECT_CONTEXT, 2L));
    }

    @Test
    void everySavedMemorySurvivesReopeningTheStore() {
        Memory memory = save(memory("u", "durable", Scope.GLOBAL, null, null, "e"), randomUnitVector());
        store.close();

        store = LuceneMemoryStore.open(dir);

        assertThat(store.find("u", memory.id())).contains(memory);
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
        store.close();

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

    private Memory save(Memory memory, float[] vector) {
        store.save(memory, vector);
        return memory;
    }

    private static Memory memory(String user, String text, Scope scope, String project, String task, String entity) {
        return new Memory(UUID.randomUUID().toString(), user, text, MemoryType.PROJECT_CONTEXT, scope, entity, project,
                task, List.of(), Map.of(), List.of("tag"), "active", null, T0, T0, false, null);
    }

    private static Memory withTimes(Memory m, Instant updated) {
        return new Memory(m.id(), m.user(), m.text(), m.memoryType(), m.scope(), m.entity(), m.project(), m.taskId(),
                m.relatedTo(), m.relationTypes(), m.tags(), m.status(), m.priority(), m.createdAt(), updated,
                m.deleted(), m.deletedAt());
    }

    private float[] randomUnitVector() {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return normalize(v);
    }

    private float[] near(float[] base, float noise) {
        float[] v = base.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += noise * (float) random.nextGaussian() / 20;
        }
        return normalize(v);
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
