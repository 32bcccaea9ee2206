package dev.minmemory.server.store.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.minmemory.server.memory.EmbeddingScheme;
import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryBackend;
import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.RelationType;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.ScopeFilter;
import dev.minmemory.server.memory.SearchHit;
import dev.minmemory.server.memory.SearchQuery;
import dev.minmemory.server.memory.StorageUnavailableException;
import dev.minmemory.server.store.KeywordText;
import dev.minmemory.server.store.MemoryStoreContract;
import dev.minmemory.server.testing.Eventually;
import dev.minmemory.server.testing.FreePort;
import dev.minmemory.server.testing.Layouts;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.QuantizationType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScrollPoints;

/**
 * The store contract on Qdrant, served by {@link FakeQdrant} (one per class, one collection per test), plus what only
 * Qdrant has: the collection layout, request-level isolation, the API key, outages and recovery.
 */
class QdrantMemoryStoreTest extends MemoryStoreContract {

    private static FakeQdrant qdrant;
    private String collection;

    @BeforeAll
    static void startQdrant() {
        qdrant = FakeQdrant.start();
    }

    @AfterAll
    static void stopQdrant() {
        qdrant.close();
    }

    @Override
    protected MemoryBackend openStore() {
        collection = "memories-" + UUID.randomUUID();
        return QdrantMemoryStore.connect(QdrantSettings.of(qdrant.url(), collection), Layouts.NEW_STORE);
    }

    @Override
    protected MemoryBackend reopen(MemoryBackend current) {
        ((QdrantMemoryStore) current).close();
        return QdrantMemoryStore.connect(QdrantSettings.of(qdrant.url(), collection), Layouts.NEW_STORE);
    }

    @Override
    protected void closeStore(MemoryBackend current) {
        ((QdrantMemoryStore) current).close();
    }

    @Test
    void aCollectionMadeBeforeLayoutsWereRecordedOpensAsBareTextAndGetsItsKeywordVectorsRebuiltOnce() {
        save(memory("u", "Alice deploys the services", Scope.GLOBAL, null, null, "alice"), randomUnitVector());
        save(memory("u", "Bob reviews the pull requests", Scope.GLOBAL, null, null, "bob"), randomUnitVector());
        ((QdrantMemoryStore) store).close();
        qdrant.removePoint(collection, LayoutPoint.ID);
        qdrant.removeVectorEverywhere(collection, CollectionLayout.KEYWORDS);
        qdrant.clearRequests();

        store = QdrantMemoryStore.connect(QdrantSettings.of(qdrant.url(), collection), Layouts.NEW_STORE);

        IndexLayout legacyRebuilt = new IndexLayout(Layouts.NEW_STORE.embeddingModel(), EmbeddingScheme.TEXT,
                KeywordText.ANALYSIS);
        assertThat(store.layout()).isEqualTo(legacyRebuilt);
        assertThat(qdrant.pointsWithSparseVector(collection, CollectionLayout.KEYWORDS)).isEqualTo(2);
        assertThat(qdrant.requests()).extracting(FakeQdrant.Recorded::method)
                .anyMatch(method -> method.endsWith("/UpdateVectors"));

        qdrant.clearRequests();
        store = reopen(store);

        assertThat(store.layout()).isEqualTo(legacyRebuilt);
        assertThat(qdrant.requests()).extracting(FakeQdrant.Recorded::method)
                .noneMatch(method -> method.endsWith("/UpdateVectors"));
    }

    @Test
    void theCollectionIsCreatedWithADenseCosineVectorASparseIdfVectorInt8QuantizationAndATenantIndex() {
        CreateCollection created = qdrant.storage().collections.get(collection).config;
        VectorParams dense = created.getVectorsConfig().getParamsMap().getMapMap().get("dense");

        assertThat(dense.getSize()).isEqualTo(384);
        assertThat(dense.getDistance()).isEqualTo(Distance.Cosine);
        assertThat(created.getSparseVectorsConfig().getMapMap().get("keywords").getModifier()).isEqualTo(Modifier.Idf);
        assertThat(created.getQuantizationConfig().getScalar().getType()).isEqualTo(QuantizationType.Int8);
        assertThat(qdrant.storage().collections.get(collection).indexes).containsOnlyKeys("user", "scope",
                "memory_type", "project", "task_id", "status", "deleted", "related_to", "tags", "entity",
                "superseded_by", "created_at");
        assertThat(qdrant.storage().collections.get(collection).indexes.get("user").getParams()
                .getKeywordIndexParams().getIsTenant()).isTrue();
        assertThat(qdrant.storage().collections.get(collection).indexes.get("deleted").getDataType())
                .isEqualTo(PayloadSchemaType.Bool);
        assertThat(qdrant.storage().collections.get(collection).indexes.get("created_at").getDataType())
                .isEqualTo(PayloadSchemaType.Datetime);
    }

    @Test
    void connectingAgainToAPreparedCollectionCreatesNothing() {
        qdrant.clearRequests();

        store = reopen(store);

        assertThat(FakeQdrant.methods(qdrant.requests())).doesNotContain("qdrant.Collections/Create")
                .noneMatch(method -> method.endsWith("CreateFieldIndex"));
    }

    @Test
    void everyRequestMadeForAUserCarriesThatUsersFilter() {
        float[] vector = randomUnitVector();
        save(memory("bob", "bob's secret plan", Scope.GLOBAL, null, null, "plan"), vector);
        Memory target = save(memory("alice", "target", Scope.PROJECT, "p", null, "e"), vector);
        qdrant.clearRequests();

        Memory source = save(memory("alice", "alice's plan", Scope.GLOBAL, null, null, "plan"), vector);
        store.saveKeepingVector(source.withLink(target.id(), RelationType.SUPPORTS, T0));
        store.find("alice", source.id());
        store.findLinkingTo("alice", target.id());
        store.search("alice", new SearchQuery(vector, "secret plan", MemoryFilter.of(List.of(ScopeFilter.global(),
                ScopeFilter.project("p"))), 10, FUSION));
        store.entities("alice", MemoryFilter.ALL);
        store.stats("alice", MemoryFilter.ALL);

        assertThat(qdrant.requests()).extracting(FakeQdrant.Recorded::method).contains("qdrant.Points/Upsert",
                "qdrant.Points/Scroll", "qdrant.Points/QueryBatch");
        QdrantRequests.assertEveryRequestCarriesTheUsersFilter(qdrant.requests(), "alice");
    }

    @Test
    void hybridSearchIsOneQueryBatchOfBothSidesWithoutPayloadThenOneReadOfTheWinners() {
        Memory kafka = save(memory("u", "kafka retention", Scope.GLOBAL, null, null, "e"), randomUnitVector());
        qdrant.clearRequests();

        List<SearchHit> hits = store.search("u", new SearchQuery(randomUnitVector(), "kafka retention",
                MemoryFilter.ALL, 7, FUSION));

        assertThat(hits).extracting(hit -> hit.memory().id()).containsExactly(kafka.id());
        assertThat(qdrant.requests()).satisfiesExactly(batch -> {
            List<QueryPoints> sides = ((QueryBatchPoints) batch.request()).getQueryPointsList();
            assertThat(sides).extracting(QueryPoints::getUsing).containsExactly("dense", "keywords");
            assertThat(sides).extracting(QueryPoints::getLimit).containsExactly(300L, 50L);
            assertThat(sides).allSatisfy(side -> {
                assertThat(side.hasQuery() && side.getQuery().hasNearest()).isTrue();
                assertThat(side.getWithPayload().getEnable()).isFalse();
            });
        }, read -> {
            ScrollPoints scroll = (ScrollPoints) read.request();
            assertThat(scroll.getLimit()).isEqualTo(1);
            assertThat(scroll.getWithPayload().getEnable()).isTrue();
        });
    }

    @Test
    void aQueryWithoutKeywordTermsAsksForTheDenseSideOnly() {
        save(memory("u", "kafka retention", Scope.GLOBAL, null, null, "e"), randomUnitVector());
        qdrant.clearRequests();

        store.search("u", new SearchQuery(randomUnitVector(), "what is it", MemoryFilter.ALL, 7, FUSION));

        assertThat(((QueryBatchPoints) qdrant.requests().get(0).request()).getQueryPointsList())
                .extracting(QueryPoints::getUsing).containsExactly("dense");
    }

    @Test
    void theApiKeyGoesWithEveryRequest() {
        try (QdrantMemoryStore keyed = QdrantMemoryStore.connect(
                QdrantSettings.of(qdrant.url(), collection).withApiKey("s3cret"), Layouts.NEW_STORE)) {
            qdrant.clearRequests();
            keyed.find("u", UUID.randomUUID().toString());
            keyed.isAvailable();
        }

        assertThat(qdrant.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.apiKey()).isEqualTo("s3cret"));
    }

    @Test
    void anExistingCollectionWithAnIncompatibleLayoutIsRefusedNamingTheDifferenceAndLeftAsItWas() {
        CreateCollection foreign = CreateCollection.newBuilder().setCollectionName("foreign-" + UUID.randomUUID())
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder().putMap("dense",
                        VectorParams.newBuilder().setSize(768).setDistance(Distance.Dot).build())))
                .build();
        qdrant.createCollection(foreign);

        assertThatThrownBy(() -> QdrantMemoryStore.connect(QdrantSettings.of(qdrant.url(),
                foreign.getCollectionName()), Layouts.NEW_STORE))
                .isInstanceOf(IncompatibleCollectionException.class)
                .hasMessageContaining("'" + foreign.getCollectionName() + "'")
                .hasMessageContaining("vector 'dense' has 768 dimensions, needed 384")
                .hasMessageContaining("distance Dot, needed Cosine")
                .hasMessageContaining("no sparse vector 'keywords'")
                .hasMessageContaining("never recreates");
        assertThat(qdrant.storage().collections.get(foreign.getCollectionName()).config).isEqualTo(foreign);
        assertThat(qdrant.storage().collections.get(foreign.getCollectionName()).indexes).isEmpty();
    }

    @Test
    void aPayloadIndexOfTheWrongTypeIsNamedAsTheDifference() {
        String name = "wrong-index-" + UUID.randomUUID();
        qdrant.createCollection(CollectionLayout.create(QdrantSettings.of(qdrant.url(), name)));
        qdrant.storage().collections.get(name).indexes.put("deleted",
                io.qdrant.client.grpc.Collections.PayloadSchemaInfo.newBuilder()
                        .setDataType(PayloadSchemaType.Keyword).build());

        assertThatThrownBy(() -> QdrantMemoryStore.connect(QdrantSettings.of(qdrant.url(), name), Layouts.NEW_STORE))
                .hasMessageContaining("payload index 'deleted' is Keyword, needed Bool");
    }

    @Test
    void aQdrantOlderThanTheQueryApiIsRefusedNamingItsVersion() {
        qdrant.reportVersion("1.9.7");
        try {
            assertThatThrownBy(
                    () -> QdrantMemoryStore.connect(QdrantSettings.of(qdrant.url(), "any"), Layouts.NEW_STORE))
                    .hasMessageContaining("Qdrant 1.9.7")
                    .hasMessageContaining("needs Qdrant 1.10 or newer");
        } finally {
            qdrant.reportVersion("1.16.3");
        }
    }

    @Test
    void whileQdrantIsUnreachableAtStartTheStoreIsNotAvailableCallsFailAsStorageUnavailableAndItRecoversWhenQdrantComesUp() {
        int port = FreePort.find();
        try (QdrantMemoryStore late =
                QdrantMemoryStore.start(QdrantSettings.of("http://localhost:" + port, "late"), Layouts.NEW_STORE)) {
            assertThat(late.isAvailable()).isFalse();
            assertThatThrownBy(() -> late.find("u", UUID.randomUUID().toString()))
                    .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("did not answer");

            try (FakeQdrant up = FakeQdrant.start(port, new FakeQdrant.Storage())) {
                Eventually.within(Duration.ofSeconds(30), late::isAvailable);
                Memory memory = memory("u", "after the outage", Scope.GLOBAL, null, null, "e");
                late.save(memory, randomUnitVector());
                assertThat(late.find("u", memory.id())).contains(memory);
            }
        }
    }

    @Test
    void aQdrantThatGoesAwayFailsWritesWithoutWritingAnythingAndServesItsDataWhenItIsBack() {
        FakeQdrant own = FakeQdrant.start();
        int port = own.port();
        FakeQdrant.Storage disk = own.storage();
        try (QdrantMemoryStore flaky =
                QdrantMemoryStore.connect(QdrantSettings.of(own.url(), "flaky"), Layouts.NEW_STORE)) {
            Memory kept = memory("u", "before the outage", Scope.GLOBAL, null, null, "e");
            flaky.save(kept, randomUnitVector());
            own.close();

            Memory lost = memory("u", "during the outage", Scope.GLOBAL, null, null, "e");
            assertThatThrownBy(() -> flaky.save(lost, randomUnitVector()))
                    .isInstanceOf(StorageUnavailableException.class);
            assertThat(flaky.isAvailable()).isFalse();

            try (FakeQdrant back = FakeQdrant.start(port, disk)) {
                Eventually.within(Duration.ofSeconds(30), flaky::isAvailable);
                assertThat(flaky.find("u", kept.id())).contains(kept);
                assertThat(flaky.find("u", lost.id())).isEmpty();
                flaky.save(lost, randomUnitVector());
                assertThat(flaky.find("u", lost.id())).contains(lost);
            }
        }
    }

    @Test
    void aMemoryWhoseIdIsNotAUuidIsStoredUnderADerivedPointIdAndReadBackWithItsOwnId() {
        Memory odd = new Memory("id-7", "u", "odd id", dev.minmemory.server.memory.MemoryType.EPISODIC, Scope.GLOBAL,
                "e", null, null, null, null, null, "active", null, Instant.EPOCH, Instant.EPOCH, false, null, null);
        store.save(odd, randomUnitVector());

        assertThat(store.find("u", "id-7")).contains(odd);
        String uuid = UUID.randomUUID().toString();
        assertThat(QdrantFilters.pointId(uuid).getUuid()).isEqualTo(uuid);
        assertThat(QdrantFilters.pointId("id-7").getUuid()).isEqualTo(QdrantFilters.pointId("id-7").getUuid())
                .isNotEqualTo(QdrantFilters.pointId("id-8").getUuid());
    }

    @Test
    void theRequestsOfIndexCreationAskForATenantIndexOnTheUser() {
        assertThat(CollectionLayout.index("c", "user")).satisfies((CreateFieldIndexCollection index) -> assertThat(
                index.getFieldIndexParams().getKeywordIndexParams().getIsTenant()).isTrue());
    }
}
