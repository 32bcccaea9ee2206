package dev.minmemory.server.store.qdrant;

import static dev.minmemory.server.store.qdrant.CollectionLayout.DENSE;

import java.io.Closeable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import dev.minmemory.server.memory.DuplicateQuery;
import dev.minmemory.server.memory.EntityUsage;
import dev.minmemory.server.memory.EntityUsageTally;
import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryBackend;
import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.MemoryStats;
import dev.minmemory.server.memory.MemoryStatsTally;
import dev.minmemory.server.memory.ScoreFusion;
import dev.minmemory.server.memory.ScoreFusion.Fused;
import dev.minmemory.server.memory.Scored;
import dev.minmemory.server.memory.SearchHit;
import dev.minmemory.server.memory.SearchQuery;
import dev.minmemory.server.memory.StorageUnavailableException;
import dev.minmemory.server.memory.StoreStatus;
import dev.minmemory.server.memory.StoredMemory;
import dev.minmemory.server.memory.UnitVectors;
import dev.minmemory.server.store.KeywordText;
import dev.minmemory.server.store.RecordFields;
import dev.minmemory.server.store.StoredValues;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.BatchResult;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;

/**
 * The memory store on Qdrant (gRPC): one collection for every user, each point one memory, its id the memory's
 * UUID, its payload the record, its vectors the embedding and the keyword terms ({@link CollectionLayout}).
 * <ul>
 * <li>{@link QdrantConnection}: the channel, the clients and what a failed call means;</li>
 * <li>{@link QdrantReadiness} and {@link CollectionBootstrap}: preparing the collection, retried while Qdrant is
 * unreachable ({@link StorageUnavailableException} until then);</li>
 * <li>{@link PointRequests}, {@link QdrantFilters}, {@link QdrantPayload}: the requests, filters and payloads.</li>
 * </ul>
 * Isolation: every request made for a user carries a filter whose first condition is {@code user = <user>}, reads
 * by id included (they are scrolls filtered by user and id, never unfiltered point lookups); upserts name the user
 * in the payload and carry the same filter as {@code update_filter}. Each write is one upsert of whole points,
 * applied atomically, acknowledged once Qdrant has applied it, so it is durable when it returns.
 */
public final class QdrantMemoryStore implements MemoryBackend, Closeable {

    static final int SCROLL_PAGE = 500;
    static final int UPSERT_BATCH = 200;
    /** The hybrid search hits among which the memories near a new one are looked for. */
    static final int NEAR_CANDIDATES = 20;
    /** Near memories are found on the vector: their candidates are the nearest ones. */
    private static final ScoreFusion NEAREST_FIRST = new ScoreFusion(1);
    private static final Logger LOG = Logger.getLogger(QdrantMemoryStore.class);

    private final QdrantConnection qdrant;
    private final CollectionBootstrap bootstrap;
    private final QdrantReadiness readiness;
    private final PointRequests requests;
    private final String address;

    private QdrantMemoryStore(QdrantSettings settings, IndexLayout newStore) {
        KeywordText.requireAnalysisOf(newStore);
        this.qdrant = new QdrantConnection(settings);
        this.requests = new PointRequests(settings.collection());
        this.bootstrap = new CollectionBootstrap(qdrant, requests, newStore);
        this.readiness = new QdrantReadiness(bootstrap, settings.address());
        this.address = settings.address();
    }

    /**
     * A store that prepares its collection in the background, retrying while Qdrant is unreachable: the server
     * starts, and stays not ready, instead of failing. A new collection records {@code newStore} as its layout.
     */
    public static QdrantMemoryStore start(QdrantSettings settings, IndexLayout newStore) {
        QdrantMemoryStore store = new QdrantMemoryStore(settings, newStore);
        LOG.infof("Memory store: Qdrant at %s", settings.address());
        store.readiness.startInBackground();
        return store;
    }

    /** A store whose collection is ready now; fails at once if Qdrant is unreachable or the collection unusable. */
    public static QdrantMemoryStore connect(QdrantSettings settings, IndexLayout newStore) {
        QdrantMemoryStore store = new QdrantMemoryStore(settings, newStore);
        try {
            store.readiness.prepareNow();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public IndexLayout layout() {
        readiness.requireReady();
        return bootstrap.layout();
    }

    @Override
    public void recordLayout(IndexLayout layout) {
        readiness.requireReady();
        bootstrap.recordLayout(layout);
    }

    @Override
    public void save(Memory memory, float[] vector) {
        readiness.requireReady();
        upsert(List.of(requests.point(memory, vector)), QdrantFilters.ownedBy(memory.user()));
    }

    /** Qdrant acknowledges a write once it is applied: it is durable when this returns. */
    @Override
    public long saveBeforeDurable(Memory memory, float[] vector) {
        save(memory, vector);
        return 0;
    }

    @Override
    public void awaitDurable(long sequence) {
        // every write was durable when it returned
    }

    @Override
    public long latestWrite() {
        return 0;
    }

    @Override
    public void saveAll(List<StoredMemory> memories) {
        readiness.requireReady();
        for (int from = 0; from < memories.size(); from += UPSERT_BATCH) {
            upsert(memories.subList(from, Math.min(from + UPSERT_BATCH, memories.size())).stream()
                    .map(stored -> requests.point(stored.memory(), stored.vector())).toList(), null);
        }
    }

    @Override
    public void saveKeepingVector(Memory memory) {
        readiness.requireReady();
        RetrievedPoint stored = first(QdrantFilters.byId(memory.user(), memory.id()), false, true)
                .orElseThrow(() -> new IllegalStateException("Memory " + memory.id() + " is not stored"));
        save(memory, dense(stored.getVectors()));
    }

    @Override
    public Optional<Memory> find(String user, String id) {
        readiness.requireReady();
        return first(QdrantFilters.byId(user, id), true, false)
                .map(point -> QdrantPayload.memory(point.getPayloadMap()));
    }

    @Override
    public List<Memory> findLinkingTo(String user, String id) {
        readiness.requireReady();
        List<Memory> linking = new ArrayList<>();
        scroll(QdrantFilters.linkingTo(user, id), WithPayloadSelectorFactory.enable(true), false,
                point -> linking.add(QdrantPayload.memory(point.getPayloadMap())));
        return linking;
    }

    /**
     * Two round trips: both sides' candidates (ids and scores), fused here by the query's {@link ScoreFusion} as the
     * embedded store fuses them; then the records of the winners only.
     */
    @Override
    public List<SearchHit> search(String user, SearchQuery query) {
        readiness.requireReady();
        Filter filter = QdrantFilters.liveMemories(user, query.filter());
        List<BatchResult> sides = qdrant.call("query batch",
                qdrant.calls().points().queryBatch(requests.candidates(filter, query))).getResultList();
        List<Fused<String>> winners = query.fusion().fuse(scored(sides.get(0)),
                sides.size() > 1 ? scored(sides.get(1)) : List.of(), query.limit());
        if (winners.isEmpty()) {
            return List.of();
        }
        Map<String, RetrievedPoint> points = new HashMap<>();
        qdrant.call("scroll", qdrant.calls().points().scroll(requests.winners(filter,
                winners.stream().map(winner -> QdrantFilters.pointId(winner.key())).toList())))
                .getResultList().forEach(point -> points.put(point.getId().getUuid(), point));
        List<SearchHit> hits = new ArrayList<>(winners.size());
        for (Fused<String> winner : winners) {
            RetrievedPoint point = points.get(winner.key());
            if (point != null) { // deleted between the two round trips
                double similarity = UnitVectors.cosine(dense(point.getVectors()), query.vector());
                hits.add(new SearchHit(QdrantPayload.memory(point.getPayloadMap()), similarity, winner.relevance()));
            }
        }
        return hits;
    }

    private static List<Scored<String>> scored(BatchResult side) {
        return side.getResultList().stream()
                .map(point -> new Scored<>(point.getId().getUuid(), (double) point.getScore())).toList();
    }

    @Override
    public List<SearchHit> findNear(String user, DuplicateQuery query) {
        // Nearness is the vector's alone: without text the batch holds no sparse query to run and then discard.
        return search(user, new SearchQuery(query.vector(), "", query.filter(),
                Math.max(query.limit(), NEAR_CANDIDATES), NEAREST_FIRST))
                .stream()
                .filter(hit -> hit.similarity() >= query.minSimilarity())
                .sorted(Comparator.comparingDouble(SearchHit::similarity).reversed())
                .limit(query.limit())
                .toList();
    }

    @Override
    public List<EntityUsage> entities(String user, MemoryFilter filter) {
        readiness.requireReady();
        EntityUsageTally tally = new EntityUsageTally();
        scroll(QdrantFilters.liveMemories(user, filter), WithPayloadSelectorFactory.include(
                List.of(RecordFields.ENTITY, RecordFields.CREATED_AT, RecordFields.UPDATED_AT)), false, point -> {
                    Map<String, Value> payload = point.getPayloadMap();
                    tally.add(payload.get(RecordFields.ENTITY).getStringValue(),
                            instant(payload, RecordFields.CREATED_AT), instant(payload, RecordFields.UPDATED_AT));
                });
        return tally.usages();
    }

    @Override
    public List<String> projects(String user) {
        readiness.requireReady();
        Set<String> projects = new TreeSet<>();
        scroll(QdrantFilters.liveMemories(user, MemoryFilter.ALL),
                WithPayloadSelectorFactory.include(List.of(RecordFields.PROJECT)), false, point -> {
                    Value project = point.getPayloadMap().get(RecordFields.PROJECT);
                    if (project != null && project.hasStringValue()) {
                        projects.add(project.getStringValue());
                    }
                });
        return List.copyOf(projects);
    }

    @Override
    public MemoryStats stats(String user, MemoryFilter filter) {
        readiness.requireReady();
        MemoryStatsTally tally = new MemoryStatsTally();
        scroll(QdrantFilters.liveMemories(user, filter), WithPayloadSelectorFactory.include(
                List.of(RecordFields.MEMORY_TYPE, RecordFields.UPDATED_AT)), false, point -> {
                    Map<String, Value> payload = point.getPayloadMap();
                    tally.add(StoredValues.memoryType(payload.get(RecordFields.MEMORY_TYPE).getStringValue()),
                            instant(payload, RecordFields.UPDATED_AT));
                });
        return tally.stats();
    }

    /** Scrolls the whole collection: the operator's backup path, the one request not made for a user. */
    @Override
    public void forEachLive(String user, MemoryFilter filter, Consumer<StoredMemory> sink) {
        readiness.requireReady();
        scroll(QdrantFilters.liveMemories(user, filter), WithPayloadSelectorFactory.enable(true), true,
                point -> sink.accept(new StoredMemory(QdrantPayload.memory(point.getPayloadMap()),
                        dense(point.getVectors()))));
    }

    @Override
    public void forEachLiveMemory(String user, MemoryFilter filter, Consumer<Memory> sink) {
        readiness.requireReady();
        scroll(QdrantFilters.liveMemories(user, filter), WithPayloadSelectorFactory.enable(true), false,
                point -> sink.accept(QdrantPayload.memory(point.getPayloadMap())));
    }

    @Override
    public void forEachMemory(Consumer<StoredMemory> sink) {
        readiness.requireReady();
        scroll(LayoutPoint.memories(), WithPayloadSelectorFactory.enable(true), true, point -> sink.accept(
                new StoredMemory(QdrantPayload.memory(point.getPayloadMap()), dense(point.getVectors()))));
    }

    /** Optimisation runs inside Qdrant, in the background. */
    @Override
    public void compact() {
    }

    @Override
    public boolean isAvailable() {
        return readiness.isAvailable();
    }

    /**
     * Ready as {@link #isAvailable()} says; an unreachable Qdrant is waited for, so the store is always live. The
     * reason in the server log may name Qdrant's address; health output does not.
     */
    @Override
    public StoreStatus health() {
        return isAvailable() ? StoreStatus.of("qdrant", true, null)
                : StoreStatus.of("qdrant", false, "Qdrant is unreachable or its collection is not ready (the server log"
                        + " says why)");
    }

    @Override
    public String location() {
        return "qdrant:" + address;
    }

    @Override
    public void close() {
        readiness.close();
        qdrant.close();
    }

    private void upsert(List<PointStruct> points, Filter updateFilter) {
        qdrant.call("upsert", qdrant.calls().points().upsert(requests.upsert(points, updateFilter)));
    }

    private Optional<RetrievedPoint> first(Filter filter, boolean withPayload, boolean withVectors) {
        ScrollResponse page = qdrant.call("scroll", qdrant.calls().points().scroll(
                requests.scroll(filter, 1, WithPayloadSelectorFactory.enable(withPayload), withVectors, null)));
        return page.getResultList().stream().findFirst();
    }

    /** Every point matching the filter, page by page: no cap. */
    private void scroll(Filter filter, WithPayloadSelector payload, boolean withVectors,
            Consumer<RetrievedPoint> each) {
        PointId offset = null;
        do {
            ScrollResponse page = qdrant.call("scroll", qdrant.calls().points().scroll(
                    requests.scroll(filter, SCROLL_PAGE, payload, withVectors, offset)));
            page.getResultList().forEach(each);
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);
    }

    @SuppressWarnings("deprecation")
    private static float[] dense(VectorsOutput vectors) {
        VectorOutput output = vectors.getVectors().getVectorsMap().get(DENSE);
        if (output == null) {
            throw new IllegalStateException("Qdrant returned a point without its '" + DENSE + "' vector");
        }
        List<Float> data = output.hasDense() ? output.getDense().getDataList() : output.getDataList();
        float[] vector = new float[data.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = data.get(i);
        }
        return vector;
    }

    private static long instant(Map<String, Value> payload, String field) {
        return Instant.parse(payload.get(field).getStringValue()).toEpochMilli();
    }
}
