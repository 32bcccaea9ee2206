package dev.minmemory.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.minmemory.server.memory.DuplicateQuery;
import dev.minmemory.server.memory.EmbeddingScheme;
import dev.minmemory.server.memory.EntityUsage;
import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryBackend;
import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.MemoryStats;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.RelationType;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.ScopeFilter;
import dev.minmemory.server.memory.ScoreFusion;
import dev.minmemory.server.memory.SearchHit;
import dev.minmemory.server.memory.SearchQuery;
import dev.minmemory.server.memory.StoredMemory;
import dev.minmemory.server.testing.Layouts;

/**
 * What every {@link MemoryBackend} must do, run against each implementation by one subclass per store: isolation,
 * scope filters, hybrid search and its scores, soft delete, links, entities, stats, durability, bulk import/export.
 */
public abstract class MemoryStoreContract {

    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    protected static final ScoreFusion FUSION = new ScoreFusion(0.6);

    protected MemoryBackend store;
    protected final Random random = new Random(42);

    /** A store over fresh, empty storage. */
    protected abstract MemoryBackend openStore();

    /** Closes the store and opens a new one over the same storage, as a restart would. */
    protected abstract MemoryBackend reopen(MemoryBackend current);

    protected abstract void closeStore(MemoryBackend current);

    @BeforeEach
    void openTheStore() {
        store = openStore();
    }

    @AfterEach
    void closeTheStore() {
        if (store != null) {
            closeStore(store);
        }
    }

    @Test
    void aNewStoreRecordsTheLayoutItWasMadeWithAndKeepsItAcrossARestart() {
        assertThat(store.layout()).isEqualTo(Layouts.NEW_STORE);
        save(memory("u", "a note", Scope.GLOBAL, null, null, "e"), randomUnitVector());

        store = reopen(store);

        assertThat(store.layout()).isEqualTo(Layouts.NEW_STORE);
    }

    @Test
    void aRecordedLayoutOutlivesARestartAndIsNoMemory() {
        Memory memory = save(memory("u", "a note", Scope.GLOBAL, null, null, "e"), randomUnitVector());
        IndexLayout reembedding = new IndexLayout("e5-small-v2-q", EmbeddingScheme.TEXT, KeywordText.ANALYSIS)
                .whileReembedding();

        store.recordLayout(reembedding);
        store = reopen(store);

        assertThat(store.layout()).isEqualTo(reembedding);
        List<Memory> all = new ArrayList<>();
        store.forEachMemory(stored -> all.add(stored.memory()));
        assertThat(all).containsExactly(memory);
    }

    @Test
    void memoriesStoredWithoutWaitingAreFoundAsDuplicatesAtOnceAndVisibleToEveryRead() {
        List<Memory> stored = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        // More than the embedded store keeps unrefreshed, so both its refreshed and its pending side are exercised.
        long lastWrite = 0;
        for (int i = 0; i < 70; i++) {
            Memory memory = memory("u", "note " + i, Scope.PROJECT, "p", null, "e");
            float[] vector = randomUnitVector();
            lastWrite = store.saveBeforeDurable(memory, vector);
            stored.add(memory);
            vectors.add(vector);
        }
        store.awaitDurable(lastWrite);
        MemoryFilter projectP = MemoryFilter.of(List.of(ScopeFilter.project("p")));

        for (int i : new int[] { 3, 69 }) {
            // As a duplicate check asks: the new memory's own vector and text.
            DuplicateQuery query = new DuplicateQuery(vectors.get(i), "note " + i, projectP, 0.97, 5);
            assertThat(store.findNear("u", query)).first().satisfies(hit -> {
                assertThat(hit.memory()).isEqualTo(stored.get(i));
                assertThat(hit.similarity()).isCloseTo(1.0, offset(1e-5));
            });
            assertThat(store.findNear("someone-else", query)).isEmpty();
            assertThat(store.findNear("u", new DuplicateQuery(vectors.get(i), "note " + i,
                    MemoryFilter.of(List.of(ScopeFilter.project("q"))), 0.97, 5))).isEmpty();
            // An unrelated vector (cosine ~0 to every note) is no duplicate of anything.
            assertThat(store.findNear("u", new DuplicateQuery(randomUnitVector(), "note " + i, projectP, 0.97, 5)))
                    .isEmpty();
        }
        assertThat(store.find("u", stored.get(69).id())).contains(stored.get(69));
        assertThat(store.search("u", new SearchQuery(vectors.get(68), "unrelated words", projectP, 1, FUSION)))
                .extracting(SearchHit::memory).containsExactly(stored.get(68));
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

        List<SearchHit> hits =
                store.search("bob", new SearchQuery(vector, "deploy key vault", MemoryFilter.ALL, 10, FUSION));

        assertThat(hits).isEmpty();
        assertThat(store.entities("bob", MemoryFilter.ALL)).isEmpty();
        assertThat(store.stats("bob", MemoryFilter.ALL).total()).isZero();
    }

    @Test
    void anExactIdentifierIsFoundByKeywordAheadOfMemoriesNoNearerToTheQuery() {
        float[] query = randomUnitVector();
        for (int i = 0; i < 30; i++) {
            store.save(memory("u", "general note number " + i, Scope.GLOBAL, null, null, "notes"), randomUnitVector());
        }
        Memory code = memory("u", "Billing fails with ERR_QUOTA_7731 when the plan expires", Scope.GLOBAL, null, null,
                "billing");
        store.save(code, randomUnitVector());

        List<SearchHit> hits = store.search("u", new SearchQuery(query, "ERR_QUOTA_7731", MemoryFilter.ALL, 5,
                FUSION));

        assertThat(hits.get(0).memory()).isEqualTo(code);
    }

    @Test
    void similarityIsTheCosineOfTheStoredVectorAndTheQuery() {
        float[] vector = randomUnitVector();
        store.save(memory("u", "some text", Scope.GLOBAL, null, null, "e"), vector);
        float[] other = randomUnitVector();

        SearchHit hit =
                store.search("u", new SearchQuery(vector, "unrelated words", MemoryFilter.ALL, 1, FUSION)).get(0);
        SearchHit far =
                store.search("u", new SearchQuery(other, "unrelated words", MemoryFilter.ALL, 1, FUSION)).get(0);

        assertThat(hit.similarity()).isCloseTo(1.0, offset(1e-5));
        assertThat(far.similarity()).isCloseTo(dot(vector, other), offset(1e-5));
        assertThat(hit.relevance()).isBetween(0.0, 1.0);
    }

    @Test
    void relevanceIsOneForTheBestOfBothListsAndZeroForTheWorstOfTheDenseListFoundByItAlone() {
        float[] vector = randomUnitVector();
        Memory both = save(memory("u", "kafka retention is seven days", Scope.GLOBAL, null, null, "kafka"), vector);
        Memory denseOnly = save(memory("u", "nothing in common", Scope.GLOBAL, null, null, "x"), near(vector, 0.5f));

        List<SearchHit> hits = store.search("u", new SearchQuery(vector, "kafka retention", MemoryFilter.ALL, 10,
                FUSION));

        assertThat(hits).extracting(hit -> hit.memory().id()).containsExactly(both.id(), denseOnly.id());
        assertThat(hits).extracting(SearchHit::relevance).containsExactly(1.0, 0.0);
    }

    /**
     * The ranking contract, the same numbers on every store: each side min-max normalised over its candidates, then
     * w · dense + (1 − w) · keyword, w = 0.6 or, for an identifier query, what {@link ScoreFusion#forQuery} makes
     * it. The keyword side has at most two hits per query here, so its normalised scores (1 and 0) do not depend on
     * how a store approximates BM25.
     */
    @Test
    void aFixedFixtureIsRankedByTheFusedNormalisedScores() {
        float[] query = randomUnitVector();
        Map<Memory, float[]> fixture = new LinkedHashMap<>();
        Memory bothTerms = memory("u", "Kafka retention is seven days", Scope.GLOBAL, null, null, "topics");
        fixture.put(bothTerms, near(query, 0.5f));
        Memory oneTerm = memory("u", "Kafka brokers run on three hosts", Scope.GLOBAL, null, null, "brokers");
        fixture.put(oneTerm, near(query, 1f));
        Memory nearest = memory("u", "Logs are kept for a week", Scope.GLOBAL, null, null, "logs");
        fixture.put(nearest, near(query, 0.3f));
        Memory unrelated = memory("u", "Lunch is at noon", Scope.GLOBAL, null, null, "office");
        fixture.put(unrelated, randomUnitVector());
        Memory identifier = memory("u", "Billing fails with ERR_QUOTA_7731 when the plan expires", Scope.GLOBAL,
                null, null, "billing");
        fixture.put(identifier, randomUnitVector());
        fixture.forEach(this::save);

        assertFusedRanking(query, "kafka retention", FUSION, 0.6, fixture, Map.of(bothTerms, 1.0, oneTerm, 0.0));
        // An identifier found by keyword alone, its vector far from the query's: with the configured weight it gets
        // 0.4 plus its small dense share, below the nearest memories, which get up to 0.6 from the dense side alone;
        // fused for its query, whose only word is identifier-shaped, the dense weight halves and it comes first.
        List<SearchHit> fixedWeight =
                assertFusedRanking(query, "ERR_QUOTA_7731", FUSION, 0.6, fixture, Map.of(identifier, 1.0));
        assertThat(fixedWeight.get(0).memory()).isEqualTo(nearest);
        List<SearchHit> forQuery = assertFusedRanking(query, "ERR_QUOTA_7731", FUSION.forQuery("ERR_QUOTA_7731"), 0.3,
                fixture, Map.of(identifier, 1.0));
        assertThat(forQuery.get(0).memory()).isEqualTo(identifier);
    }

    private List<SearchHit> assertFusedRanking(float[] query, String text, ScoreFusion fusion, double denseWeight,
            Map<Memory, float[]> fixture, Map<Memory, Double> keywordScores) {
        Map<Memory, Double> cosines = new HashMap<>();
        fixture.forEach((memory, vector) -> cosines.put(memory, dot(query, vector)));
        double min = Collections.min(cosines.values());
        double max = Collections.max(cosines.values());
        Map<Memory, Double> expected = new HashMap<>();
        cosines.forEach((memory, cosine) -> expected.put(memory,
                denseWeight * (cosine - min) / (max - min)
                        + (1 - denseWeight) * keywordScores.getOrDefault(memory, 0.0)));
        List<Memory> expectedOrder = expected.keySet().stream()
                .sorted(Comparator.comparingDouble((Memory memory) -> expected.get(memory)).reversed()).toList();

        List<SearchHit> hits = store.search("u", new SearchQuery(query, text, MemoryFilter.ALL, 10, fusion));

        assertThat(hits).extracting(SearchHit::memory).containsExactlyElementsOf(expectedOrder);
        hits.forEach(hit -> assertThat(hit.relevance()).as(hit.memory().text())
                .isCloseTo(expected.get(hit.memory()), offset(1e-5)));
        return hits;
    }

    @Test
    void searchReturnsAtMostTheLimitBestFirst() {
        float[] query = randomUnitVector();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Memory m = save(memory("u", "note " + i, Scope.GLOBAL, null, null, "e"), near(query, 0.2f * (i + 1)));
            expected.add(m.id());
        }

        List<SearchHit> hits = store.search("u", new SearchQuery(query, "zzz", MemoryFilter.ALL, 5, FUSION));

        assertThat(hits).extracting(hit -> hit.memory().id()).containsExactlyElementsOf(expected.subList(0, 5));
        assertThat(hits).extracting(SearchHit::relevance).isSortedAccordingTo((a, b) -> Double.compare(b, a));
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
        List<SearchHit> hits = store.search("u", new SearchQuery(vector, "x", hierarchy, 10, FUSION));

        assertThat(hits).extracting(hit -> hit.memory().id())
                .containsExactlyInAnyOrder(global.id(), projectA.id(), taskA1.id());
    }

    @Test
    void typeAndStatusFiltersSelectOnlyMatchingMemories() {
        float[] vector = randomUnitVector();
        Memory episodic = save(withType(memory("u", "one", Scope.GLOBAL, null, null, "e"), MemoryType.EPISODIC, "done"),
                vector);
        save(memory("u", "two", Scope.GLOBAL, null, null, "e"), vector);

        MemoryFilter filter = new MemoryFilter(List.of(), java.util.Set.of(MemoryType.EPISODIC), null, null, null,
                false);
        MemoryFilter status = new MemoryFilter(List.of(), java.util.Set.of(), "done", null, null, false);

        assertThat(store.search("u", new SearchQuery(vector, "one two", filter, 10, FUSION)))
                .extracting(hit -> hit.memory().id()).containsExactly(episodic.id());
        assertThat(store.stats("u", status).total()).isEqualTo(1);
    }

    @Test
    void creationTimeBoundsSelectTheMemoriesCreatedFromTheFirstBoundUpToTheSecond() {
        float[] vector = randomUnitVector();
        Memory early = save(createdAt(memory("u", "early", Scope.GLOBAL, null, null, "e"), T0), vector);
        Memory middle = save(createdAt(memory("u", "middle", Scope.GLOBAL, null, null, "e"), T0.plusSeconds(3600)),
                vector);
        Memory late = save(createdAt(memory("u", "late", Scope.GLOBAL, null, null, "e"), T0.plusSeconds(7200)), vector);

        MemoryFilter fromMiddle =
                new MemoryFilter(List.of(), java.util.Set.of(), null, middle.createdAt(), null, false);
        MemoryFilter beforeMiddle = new MemoryFilter(List.of(), java.util.Set.of(), null, null, middle.createdAt(),
                false);
        MemoryFilter onlyMiddle = new MemoryFilter(List.of(), java.util.Set.of(), null, middle.createdAt(),
                late.createdAt(), false);

        assertThat(store.search("u", new SearchQuery(vector, "x", fromMiddle, 10, FUSION)))
                .extracting(hit -> hit.memory().id())
                .containsExactlyInAnyOrder(middle.id(), late.id());
        assertThat(store.search("u", new SearchQuery(vector, "x", beforeMiddle, 10, FUSION)))
                .extracting(hit -> hit.memory().id()).containsExactly(early.id());
        assertThat(store.search("u", new SearchQuery(vector, "x", onlyMiddle, 10, FUSION)))
                .extracting(hit -> hit.memory().id())
                .containsExactly(middle.id());
        assertThat(store.stats("u", onlyMiddle).total()).isEqualTo(1);
    }

    @Test
    void aSupersededMemoryIsLeftOutOnlyWhereTheFilterExcludesSupersededMemories() {
        float[] vector = randomUnitVector();
        Memory current = save(memory("u", "current", Scope.GLOBAL, null, null, "e"), vector);
        Memory old = save(memory("u", "old", Scope.GLOBAL, null, null, "e"), vector);
        store.saveKeepingVector(old.withSupersededBy(current.id()));

        assertThat(store.search("u", new SearchQuery(vector, "x", MemoryFilter.ALL.withoutSuperseded(), 10, FUSION)))
                .extracting(hit -> hit.memory().id()).containsExactly(current.id());
        assertThat(store.search("u", new SearchQuery(vector, "x", MemoryFilter.ALL, 10, FUSION)))
                .extracting(hit -> hit.memory().id()).containsExactlyInAnyOrder(current.id(), old.id());
        assertThat(store.find("u", old.id())).get().extracting(Memory::supersededBy).isEqualTo(current.id());
        assertThat(store.findNear("u", new DuplicateQuery(vector, "x", MemoryFilter.ALL.withoutSuperseded(), 0.9, 5)))
                .extracting(hit -> hit.memory().id()).containsExactly(current.id());

        store.saveKeepingVector(old.withSupersededBy(null));
        assertThat(store.search("u", new SearchQuery(vector, "x", MemoryFilter.ALL.withoutSuperseded(), 10, FUSION)))
                .extracting(hit -> hit.memory().id()).containsExactlyInAnyOrder(current.id(), old.id());
    }

    @Test
    void theMemoriesNearANewOneComeNearestFirstUpToTheLimitAndAboveTheSimilarity() {
        float[] vector = randomUnitVector();
        Memory same = save(memory("u", "same", Scope.GLOBAL, null, null, "e"), vector);
        Memory close = save(memory("u", "close", Scope.GLOBAL, null, null, "e"), near(vector, 0.2f));
        Memory closer = save(memory("u", "closer", Scope.GLOBAL, null, null, "e"), near(vector, 0.1f));
        save(memory("u", "far", Scope.GLOBAL, null, null, "e"), randomUnitVector());
        MemoryFilter global = MemoryFilter.of(List.of(ScopeFilter.global()));

        List<SearchHit> near = store.findNear("u", new DuplicateQuery(vector, "same", global, 0.9, 5));

        assertThat(near).extracting(hit -> hit.memory().id()).containsExactly(same.id(), closer.id(), close.id());
        assertThat(near).extracting(SearchHit::similarity).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(store.findNear("u", new DuplicateQuery(vector, "same", global, 0.9, 2)))
                .extracting(hit -> hit.memory().id()).containsExactly(same.id(), closer.id());
    }

    @Test
    void softDeletedMemoriesAreFoundByIdButInvisibleToSearchEntitiesStatsAndLinks() {
        float[] vector = randomUnitVector();
        Memory target = save(memory("u", "target", Scope.GLOBAL, null, null, "kept"), vector);
        Memory deleted = save(memory("u", "deleted", Scope.GLOBAL, null, null, "gone"), vector)
                .withLink(target.id(), RelationType.SUPPORTS, T0);
        store.saveKeepingVector(deleted.asDeleted(T0.plusSeconds(5)));

        assertThat(store.find("u", deleted.id())).get().extracting(Memory::deleted).isEqualTo(true);
        assertThat(store.search("u", new SearchQuery(vector, "deleted", MemoryFilter.ALL, 10, FUSION)))
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

        SearchHit best = store.search("u", new SearchQuery(vector, "zzz", MemoryFilter.ALL, 1, FUSION)).get(0);
        assertThat(best.memory().id()).isEqualTo(memory.id());
        assertThat(best.memory().relatedTo()).hasSize(1);
        assertThat(best.similarity()).isCloseTo(1.0, offset(1e-5));
    }

    @Test
    void aChangedEntityOrTagIsWhatKeywordSearchFindsAfterSavingKeepingTheVector() {
        Memory memory = save(memory("u", "plain words", Scope.GLOBAL, null, null, "before"), randomUnitVector());
        store.saveKeepingVector(memory.withContent(memory.text(), memory.memoryType(), memory.scope(), "zeppelin",
                null, null, List.of("blimp"), memory.status(), null, T0));

        assertThat(
                store.search("u", new SearchQuery(randomUnitVector(), "zeppelin blimp", MemoryFilter.ALL, 1, FUSION)))
                .extracting(hit -> hit.memory().entity()).containsExactly("zeppelin");
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
        save(withTimes(memory("u", "two", Scope.PROJECT, "p", null, "postgres"), T0.plusSeconds(60)),
                randomUnitVector());
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
    void entitiesAndStatsAggregateEveryMatchingMemoryWithoutACap() {
        List<StoredMemory> many = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            many.add(new StoredMemory(memory("u", "fact " + i, Scope.GLOBAL, null, null, "entity-" + (i % 700)),
                    randomUnitVector()));
        }
        store.saveAll(many);

        List<EntityUsage> entities = store.entities("u", MemoryFilter.ALL);

        assertThat(entities).hasSize(700);
        assertThat(entities.stream().mapToLong(EntityUsage::count).sum()).isEqualTo(1234);
        assertThat(store.stats("u", MemoryFilter.ALL).total()).isEqualTo(1234);
    }

    @Test
    void statsCountLiveMemoriesByType() {
        save(memory("u", "a", Scope.PROJECT, "p", null, "e"), randomUnitVector());
        save(memory("u", "b", Scope.TASK, "p", "t", "e"), randomUnitVector());

        MemoryStats stats =
                store.stats("u", MemoryFilter.of(List.of(ScopeFilter.project("p"), ScopeFilter.task("p", null))));

        assertThat(stats.countsByType()).isEqualTo(Map.of(MemoryType.PROJECT_CONTEXT, 2L));
        assertThat(stats.lastUpdated()).isEqualTo(T0);
        assertThat(store.stats("u", MemoryFilter.of(List.of(ScopeFilter.project("other")))).lastUpdated()).isNull();
    }

    @Test
    void everySavedMemorySurvivesReopeningTheStore() {
        Memory memory = save(memory("u", "durable", Scope.GLOBAL, null, null, "e"), randomUnitVector());

        store = reopen(store);

        assertThat(store.find("u", memory.id())).contains(memory);
    }

    @Test
    void everyMemoryOfEveryUserIsVisitedWithItsVectorExactlyAsSaved() {
        Map<String, StoredMemory> saved = new HashMap<>();
        for (String user : List.of("alice", "bob")) {
            for (int i = 0; i < 3; i++) {
                StoredMemory stored = new StoredMemory(memory(user, user + " " + i, Scope.GLOBAL, null, null, "e"),
                        randomUnitVector());
                saved.put(stored.memory().id(), stored);
            }
        }
        Memory deleted = saved.values().iterator().next().memory();
        store.saveAll(List.copyOf(saved.values()));
        store.saveKeepingVector(deleted.asDeleted(T0.plusSeconds(1)));

        Map<String, StoredMemory> visited = new HashMap<>();
        store.forEachMemory(stored -> visited.put(stored.memory().id(), stored));

        assertThat(visited.keySet()).isEqualTo(saved.keySet());
        visited.forEach((id, stored) -> {
            assertThat(stored.vector()).containsExactly(saved.get(id).vector(), offset(1e-6f));
            assertThat(stored.memory()).isEqualTo(id.equals(deleted.id()) ? deleted.asDeleted(T0.plusSeconds(1))
                    : saved.get(id).memory());
        });
    }

    @Test
    void theLiveMemoriesOfOneUserMatchingTheFilterAreVisitedWithTheirVectors() {
        float[] vector = randomUnitVector();
        Memory inP = save(memory("u", "in p", Scope.PROJECT, "p", null, "e"), vector);
        save(memory("u", "in q", Scope.PROJECT, "q", null, "e"), randomUnitVector());
        save(memory("other", "theirs in p", Scope.PROJECT, "p", null, "e"), randomUnitVector());
        Memory deleted = save(memory("u", "deleted in p", Scope.PROJECT, "p", null, "e"), randomUnitVector());
        store.saveKeepingVector(deleted.asDeleted(T0.plusSeconds(1)));

        Map<String, StoredMemory> visited = new HashMap<>();
        store.forEachLive("u", MemoryFilter.of(List.of(ScopeFilter.project("p"))),
                stored -> visited.put(stored.memory().id(), stored));

        assertThat(visited.keySet()).containsExactly(inP.id());
        assertThat(visited.get(inP.id()).memory()).isEqualTo(inP);
        assertThat(visited.get(inP.id()).vector()).containsExactly(vector, offset(1e-6f));
    }

    @Test
    void theLiveMemoriesOfOneUserMatchingTheFilterAreVisitedAsRecordsAlone() {
        Memory inP = save(memory("u", "in p", Scope.PROJECT, "p", null, "e"), randomUnitVector());
        save(memory("u", "in q", Scope.PROJECT, "q", null, "e"), randomUnitVector());
        save(memory("other", "theirs in p", Scope.PROJECT, "p", null, "e"), randomUnitVector());
        Memory deleted = save(memory("u", "deleted in p", Scope.PROJECT, "p", null, "e"), randomUnitVector());
        store.saveKeepingVector(deleted.asDeleted(T0.plusSeconds(1)));

        List<Memory> visited = new ArrayList<>();
        store.forEachLiveMemory("u", MemoryFilter.of(List.of(ScopeFilter.project("p"))), visited::add);

        assertThat(visited).containsExactly(inP);
    }

    @Test
    void visitingTheLiveMemoriesOfAUserWithoutAnyVisitsNothing() {
        save(memory("other", "theirs", Scope.GLOBAL, null, null, "e"), randomUnitVector());

        List<StoredMemory> visited = new ArrayList<>();
        store.forEachLive("u", MemoryFilter.ALL, visited::add);

        assertThat(visited).isEmpty();
    }

    protected Memory save(Memory memory, float[] vector) {
        store.save(memory, vector);
        return memory;
    }

    protected static Memory memory(String user, String text, Scope scope, String project, String task, String entity) {
        return new Memory(UUID.randomUUID().toString(), user, text, MemoryType.PROJECT_CONTEXT, scope, entity, project,
                task, List.of(), Map.of(), List.of("tag"), "active", null, T0, T0, false, null, null);
    }

    private static Memory createdAt(Memory m, Instant created) {
        return new Memory(m.id(), m.user(), m.text(), m.memoryType(), m.scope(), m.entity(), m.project(), m.taskId(),
                m.relatedTo(), m.relationTypes(), m.tags(), m.status(), m.priority(), created, created, m.deleted(),
                m.deletedAt(), null);
    }

    protected static Memory withTimes(Memory m, Instant updated) {
        return new Memory(m.id(), m.user(), m.text(), m.memoryType(), m.scope(), m.entity(), m.project(), m.taskId(),
                m.relatedTo(), m.relationTypes(), m.tags(), m.status(), m.priority(), m.createdAt(), updated,
                m.deleted(), m.deletedAt(), null);
    }

    private static Memory withType(Memory m, MemoryType type, String status) {
        return new Memory(m.id(), m.user(), m.text(), type, m.scope(), m.entity(), m.project(), m.taskId(),
                m.relatedTo(), m.relationTypes(), m.tags(), status, m.priority(), m.createdAt(), m.updatedAt(),
                m.deleted(), m.deletedAt(), null);
    }

    protected float[] randomUnitVector() {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return normalize(v);
    }

    protected float[] near(float[] base, float noise) {
        float[] v = base.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += noise * (float) random.nextGaussian() / 20;
        }
        return normalize(v);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    protected static float[] normalize(float[] v) {
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
