package dev.minmemory.server.store.qdrant;

import static dev.minmemory.server.store.qdrant.CollectionLayout.DENSE;
import static dev.minmemory.server.store.qdrant.CollectionLayout.KEYWORDS;

import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.google.common.util.concurrent.ListenableFuture;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.WireEnum;
import dev.minmemory.server.store.EntityUsage;
import dev.minmemory.server.store.MemoryStats;
import dev.minmemory.server.store.MemoryStore;
import dev.minmemory.server.store.SearchHit;
import dev.minmemory.server.store.SearchQuery;
import dev.minmemory.server.store.StorageUnavailableException;
import dev.minmemory.server.store.StoreHealth;
import dev.minmemory.server.store.StoredMemory;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectors;
import io.qdrant.client.grpc.Points.PayloadIncludeSelector;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.QuantizationSearchParams;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.Rrf;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchParams;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.Vectors;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.Points.VectorsSelector;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;

/**
 * The memory store on Qdrant (gRPC): one collection for every user, each point one memory, its id the memory's
 * UUID, its payload the record, its vectors the embedding ({@value CollectionLayout#DENSE}) and the keyword terms
 * ({@value CollectionLayout#KEYWORDS}).
 * <p>
 * Isolation: every request made for a user carries a filter whose first condition is {@code user = <user>}, reads
 * by id included (they are scrolls filtered by user and id, never unfiltered point lookups); upserts name the user
 * in the payload and carry the same filter as {@code update_filter}.
 * <p>
 * Availability: the collection is prepared in the background at start-up, retried with backoff while Qdrant is
 * unreachable. Until then, and whenever Qdrant stops answering, {@link #isAvailable()} is false and calls fail with
 * {@link StorageUnavailableException}; gRPC reconnects by itself, and a readiness probe or the next call retries at
 * once. Each write is one upsert of whole points, applied atomically, acknowledged once Qdrant has applied it
 * ({@code wait = true}).
 */
public final class QdrantMemoryStore implements MemoryStore, Closeable {

    /** As in the embedded store: the candidates each side of hybrid search contributes before fusion. */
    static final int DENSE_CANDIDATES = 100;
    static final int KEYWORD_CANDIDATES = 50;
    static final int RRF_K = 60;
    /**
     * Qdrant scores the point at 0-based position p of a prefetch as 1/(k + p); k = 61 gives the usual
     * 1/(60 + rank) with rank counted from 1, the embedded store's fusion exactly.
     */
    static final int QDRANT_RRF_K = RRF_K + 1;
    private static final double BEST_FUSED_SCORE = 2.0 / (RRF_K + 1);
    static final int SCROLL_PAGE = 500;
    static final int UPSERT_BATCH = 200;
    /** The first Qdrant release with a parameterised RRF (the k above). */
    static final int[] MINIMUM_VERSION = { 1, 16 };
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final long MAX_RETRY_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(QdrantMemoryStore.class);

    private final QdrantSettings settings;
    private final ManagedChannel channel;
    private final QdrantGrpcClient grpc;
    private final QdrantGrpcClient probe;
    private final KeywordVectors keywords = new KeywordVectors();
    private final ScheduledExecutorService retries;
    private volatile boolean ready;
    private volatile boolean closed;
    private volatile String problem = "not connected yet";
    private int failedAttempts;

    private QdrantMemoryStore(QdrantSettings settings) {
        this.settings = settings;
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forAddress(settings.host(), settings.port())
                .maxInboundMessageSize(64 * 1024 * 1024);
        if (settings.tls()) {
            builder.useTransportSecurity();
        } else {
            builder.usePlaintext();
        }
        this.channel = builder.build();
        this.grpc = client(settings.timeout());
        this.probe = client(PROBE_TIMEOUT);
        this.retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "qdrant-connect");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A store that prepares its collection in the background, retrying with backoff (1 s doubling to 30 s) while
     * Qdrant is unreachable: the server starts, and stays not ready, instead of failing.
     */
    public static QdrantMemoryStore start(QdrantSettings settings) {
        QdrantMemoryStore store = new QdrantMemoryStore(settings);
        LOG.infof("Memory store: Qdrant at %s", settings.address());
        store.retries.execute(store::connectOrRetry);
        return store;
    }

    /** A store whose collection is ready now; fails at once if Qdrant is unreachable or the collection unusable. */
    public static QdrantMemoryStore connect(QdrantSettings settings) {
        QdrantMemoryStore store = new QdrantMemoryStore(settings);
        try {
            store.initialize();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public void save(Memory memory, float[] vector) {
        requireReady();
        upsert(List.of(point(memory, vector)), QdrantFilters.ownedBy(memory.user()));
    }

    @Override
    public void saveAll(List<StoredMemory> memories) {
        requireReady();
        for (int from = 0; from < memories.size(); from += UPSERT_BATCH) {
            List<PointStruct> points = memories.subList(from, Math.min(from + UPSERT_BATCH, memories.size())).stream()
                    .map(stored -> point(stored.memory(), stored.vector())).toList();
            upsert(points, null);
        }
    }

    @Override
    public void saveKeepingVector(Memory memory) {
        requireReady();
        RetrievedPoint stored = first(QdrantFilters.byId(memory.user(), memory.id()), false, true)
                .orElseThrow(() -> new IllegalStateException("Memory " + memory.id() + " is not stored"));
        save(memory, dense(stored.getVectors()));
    }

    @Override
    public Optional<Memory> find(String user, String id) {
        requireReady();
        return first(QdrantFilters.byId(user, id), true, false)
                .map(point -> QdrantPayload.memory(point.getPayloadMap()));
    }

    @Override
    public List<Memory> findLinkingTo(String user, String id) {
        requireReady();
        List<Memory> linking = new ArrayList<>();
        scroll(QdrantFilters.linkingTo(user, id), allPayload(), false,
                point -> linking.add(QdrantPayload.memory(point.getPayloadMap())));
        return linking;
    }

    /**
     * One Query API call: a dense prefetch and a keyword prefetch under the same filter, fused by RRF, with the
     * stored vectors returned so that {@code similarity} is the exact cosine, not a quantized estimate.
     */
    @Override
    public List<SearchHit> search(String user, SearchQuery query) {
        requireReady();
        Filter filter = QdrantFilters.liveMemories(user, query.filter());
        QueryPoints.Builder request = QueryPoints.newBuilder()
                .setCollectionName(settings.collection())
                .addPrefetch(PrefetchQuery.newBuilder()
                        .setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder()
                                .setDense(DenseVector.newBuilder().addAllData(floats(query.vector())))))
                        .setUsing(DENSE)
                        .setFilter(filter)
                        .setLimit(Math.max(query.limit(), DENSE_CANDIDATES))
                        .setParams(SearchParams.newBuilder()
                                .setQuantization(QuantizationSearchParams.newBuilder().setRescore(true))))
                .setQuery(Query.newBuilder().setRrf(Rrf.newBuilder().setK(QDRANT_RRF_K)))
                .setFilter(filter)
                .setLimit(query.limit())
                .setWithPayload(allPayload())
                .setWithVectors(denseVector());
        SparseVector terms = keywords.query(query.text());
        if (terms.getIndicesCount() > 0) {
            request.addPrefetch(PrefetchQuery.newBuilder()
                    .setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder().setSparse(terms)))
                    .setUsing(KEYWORDS)
                    .setFilter(filter)
                    .setLimit(Math.max(query.limit(), KEYWORD_CANDIDATES)));
        }
        List<ScoredPoint> points = call("query", grpc.points().query(request.build())).getResultList();
        List<SearchHit> hits = new ArrayList<>(points.size());
        for (ScoredPoint point : points) {
            double similarity = dot(dense(point.getVectors()), query.vector());
            hits.add(new SearchHit(QdrantPayload.memory(point.getPayloadMap()), similarity,
                    point.getScore() / BEST_FUSED_SCORE));
        }
        return hits;
    }

    @Override
    public List<EntityUsage> entities(String user, MemoryFilter filter) {
        requireReady();
        Map<String, long[]> usage = new TreeMap<>();
        scroll(QdrantFilters.liveMemories(user, filter),
                payload(QdrantFilters.ENTITY, "created_at", "updated_at"), false, point -> {
                    Map<String, Value> payload = point.getPayloadMap();
                    long created = instant(payload, "created_at");
                    long updated = instant(payload, "updated_at");
                    usage.merge(payload.get(QdrantFilters.ENTITY).getStringValue(),
                            new long[] { 1, created, updated },
                            (a, b) -> new long[] { a[0] + 1, Math.min(a[1], b[1]), Math.max(a[2], b[2]) });
                });
        return usage.entrySet().stream().map(e -> new EntityUsage(e.getKey(), e.getValue()[0],
                Instant.ofEpochMilli(e.getValue()[1]), Instant.ofEpochMilli(e.getValue()[2]))).toList();
    }

    @Override
    public MemoryStats stats(String user, MemoryFilter filter) {
        requireReady();
        Map<MemoryType, Long> counts = new EnumMap<>(MemoryType.class);
        long[] lastUpdated = { Long.MIN_VALUE };
        scroll(QdrantFilters.liveMemories(user, filter), payload(QdrantFilters.MEMORY_TYPE, "updated_at"), false,
                point -> {
                    Map<String, Value> payload = point.getPayloadMap();
                    counts.merge(WireEnum.parse(MemoryType.class,
                            payload.get(QdrantFilters.MEMORY_TYPE).getStringValue()), 1L, Long::sum);
                    lastUpdated[0] = Math.max(lastUpdated[0], instant(payload, "updated_at"));
                });
        return new MemoryStats(counts, lastUpdated[0] == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastUpdated[0]));
    }

    /** Scrolls the whole collection: the operator's backup path, the one request not made for a user. */
    @Override
    public void forEachMemory(Consumer<StoredMemory> sink) {
        requireReady();
        scroll(Filter.getDefaultInstance(), allPayload(), true, point -> sink.accept(
                new StoredMemory(QdrantPayload.memory(point.getPayloadMap()), dense(point.getVectors()))));
    }

    /**
     * Ready once the collection is prepared and Qdrant answers now. A probe while not ready tries to prepare the
     * collection at once, so readiness follows Qdrant's return without waiting for the next scheduled retry.
     */
    @Override
    public boolean isAvailable() {
        if (closed) {
            return false;
        }
        try {
            if (!ready) {
                initialize();
            }
            boolean exists = call("collection check", probe.collections().collectionExists(
                    CollectionExistsRequest.newBuilder().setCollectionName(settings.collection()).build()))
                    .getResult().getExists();
            if (!exists) {
                ready = false;
                problem = "the collection disappeared";
                LOG.warnf("Qdrant collection %s no longer exists; it will be created again", settings.address());
            }
            return exists;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Ready as {@link #isAvailable()} says; an unreachable Qdrant is waited for, so the store is always live. The
     * reason in the server log may name Qdrant's address; health output does not.
     */
    @Override
    public StoreHealth health() {
        return isAvailable() ? StoreHealth.of("qdrant", true, null)
                : StoreHealth.of("qdrant", false, "Qdrant is unreachable or its collection is not ready (the server log"
                        + " says why)");
    }

    @Override
    public String location() {
        return "qdrant:" + settings.address();
    }

    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        grpc.close();
        probe.close();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void connectOrRetry() {
        if (closed || ready) {
            return;
        }
        try {
            initialize();
            failedAttempts = 0;
        } catch (StorageUnavailableException e) {
            long delay = Math.min(MAX_RETRY_SECONDS, 1L << Math.min(failedAttempts++, 5));
            LOG.warnf("Qdrant at %s is unreachable (%s): readiness stays DOWN, retrying in %d s", settings.address(),
                    rootMessage(e), delay);
            schedule(delay);
        } catch (RuntimeException e) {
            LOG.errorf("The Qdrant collection %s cannot be used: %s. Readiness stays DOWN; checking again in %d s",
                    settings.address(), e.getMessage(), MAX_RETRY_SECONDS);
            schedule(MAX_RETRY_SECONDS);
        }
    }

    private void schedule(long seconds) {
        if (!closed) {
            retries.schedule(this::connectOrRetry, seconds, TimeUnit.SECONDS);
        }
    }

    /**
     * Checks the server version, creates the collection if it is missing, refuses one whose layout differs, and
     * adds any missing payload index. Idempotent; safe to run from several replicas at once.
     */
    private synchronized void initialize() {
        if (ready) {
            return;
        }
        try {
            HealthCheckReply health = call("health check",
                    probe.qdrant().healthCheck(HealthCheckRequest.getDefaultInstance()));
            requireSupportedVersion(health.getVersion());
            if (!collectionExists()) {
                createCollection();
            }
            CollectionInfo info = call("collection info", grpc.collections().get(GetCollectionInfoRequest
                    .newBuilder().setCollectionName(settings.collection()).build())).getResult();
            List<String> differences = CollectionLayout.incompatibilities(info);
            if (!differences.isEmpty()) {
                throw new IncompatibleCollectionException("Qdrant collection '" + settings.collection() + "' at "
                        + settings.host() + ":" + settings.port() + " exists with an incompatible layout: "
                        + String.join("; ", differences) + ". min-memory never recreates a collection: point"
                        + " QDRANT_COLLECTION at a new name and move the memories with export/import, or delete the"
                        + " collection if it holds nothing you need.");
            }
            CollectionLayout.advisories(info).forEach(note -> LOG.warnf("Qdrant collection %s: %s",
                    settings.address(), note));
            for (String field : CollectionLayout.INDEXES.keySet()) {
                if (!info.getPayloadSchemaMap().containsKey(field)) {
                    call("payload index " + field, grpc.points().createFieldIndex(
                            CollectionLayout.index(settings.collection(), field)));
                }
            }
            ready = true;
            problem = null;
            LOG.infof("Memory store ready: Qdrant %s, collection %s", health.getVersion(), settings.address());
        } catch (RuntimeException e) {
            problem = e.getMessage();
            throw e;
        }
    }

    private boolean collectionExists() {
        return call("collection check", grpc.collections().collectionExists(CollectionExistsRequest.newBuilder()
                .setCollectionName(settings.collection()).build())).getResult().getExists();
    }

    private void createCollection() {
        try {
            call("create collection", grpc.collections().create(CollectionLayout.create(settings)));
            LOG.infof("Created Qdrant collection %s", settings.address());
        } catch (IllegalStateException e) {
            // Another replica may have created it in the meantime; anything else is a real failure.
            if (!collectionExists()) {
                throw e;
            }
        }
    }

    private void requireSupportedVersion(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            if (major < MINIMUM_VERSION[0] || major == MINIMUM_VERSION[0] && minor < MINIMUM_VERSION[1]) {
                throw new IncompatibleCollectionException("Qdrant " + version + " at " + settings.host() + ":"
                        + settings.port() + " is too old: min-memory needs Qdrant " + MINIMUM_VERSION[0] + "."
                        + MINIMUM_VERSION[1] + " or newer (hybrid search fuses with a parameterised RRF). Upgrade"
                        + " Qdrant.");
            }
        } catch (NumberFormatException e) {
            LOG.debugf("Qdrant reports version '%s'; not checked", version);
        }
    }

    /** Fails fast while the collection is not prepared, after one immediate attempt to prepare it. */
    private void requireReady() {
        if (ready) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("The Qdrant memory store is closed");
        }
        try {
            initialize();
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("The Qdrant collection " + settings.address() + " cannot be used: "
                    + problem, e);
        }
    }

    private void upsert(List<PointStruct> points, Filter updateFilter) {
        UpsertPoints.Builder request = UpsertPoints.newBuilder()
                .setCollectionName(settings.collection())
                .setWait(true)
                .addAllPoints(points);
        if (updateFilter != null) {
            request.setUpdateFilter(updateFilter);
        }
        call("upsert", grpc.points().upsert(request.build()));
    }

    private Optional<RetrievedPoint> first(Filter filter, boolean withPayload, boolean withVectors) {
        ScrollResponse page = call("scroll", grpc.points().scroll(ScrollPoints.newBuilder()
                .setCollectionName(settings.collection())
                .setFilter(filter)
                .setLimit(1)
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(withPayload))
                .setWithVectors(withVectors ? denseVector() : WithVectorsSelector.newBuilder().setEnable(false).build())
                .build()));
        return page.getResultList().stream().findFirst();
    }

    /** Every point matching the filter, page by page: no cap. */
    private void scroll(Filter filter, WithPayloadSelector payload, boolean withVectors,
            Consumer<RetrievedPoint> each) {
        PointId offset = null;
        do {
            ScrollPoints.Builder request = ScrollPoints.newBuilder()
                    .setCollectionName(settings.collection())
                    .setFilter(filter)
                    .setLimit(SCROLL_PAGE)
                    .setWithPayload(payload)
                    .setWithVectors(withVectors ? denseVector() : WithVectorsSelector.newBuilder().setEnable(false).build());
            if (offset != null) {
                request.setOffset(offset);
            }
            ScrollResponse page = call("scroll", grpc.points().scroll(request.build()));
            page.getResultList().forEach(each);
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);
    }

    private PointStruct point(Memory memory, float[] vector) {
        NamedVectors.Builder vectors = NamedVectors.newBuilder().putVectors(DENSE,
                Vector.newBuilder().setDense(DenseVector.newBuilder().addAllData(floats(vector))).build());
        SparseVector terms = keywords.document(memory);
        if (terms.getIndicesCount() > 0) {
            vectors.putVectors(KEYWORDS, Vector.newBuilder().setSparse(terms).build());
        }
        return PointStruct.newBuilder()
                .setId(QdrantFilters.pointId(memory.id()))
                .putAllPayload(QdrantPayload.of(memory))
                .setVectors(Vectors.newBuilder().setVectors(vectors))
                .build();
    }

    private <T> T call(String what, ListenableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("Interrupted while waiting for Qdrant (" + what + ")", e);
        } catch (ExecutionException e) {
            throw translate(what, e.getCause());
        }
    }

    private RuntimeException translate(String what, Throwable cause) {
        Status status = Status.fromThrowable(cause);
        String detail = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, ABORTED -> {
                // Reconnect on the next call rather than after gRPC's own backoff, which grows to two minutes.
                channel.resetConnectBackoff();
                return new StorageUnavailableException("Qdrant at " + settings.host() + ":" + settings.port()
                        + " did not answer (" + what + "): " + detail, cause);
            }
            case UNAUTHENTICATED, PERMISSION_DENIED -> {
                return new IllegalStateException("Qdrant at " + settings.host() + ":" + settings.port() + " refused "
                        + what + " (" + detail + "): check QDRANT_API_KEY", cause);
            }
            default -> {
                return new IllegalStateException("Qdrant " + what + " failed: " + detail, cause);
            }
        }
    }

    private QdrantGrpcClient client(Duration timeout) {
        QdrantGrpcClient.Builder builder = QdrantGrpcClient.newBuilder(channel, false, false).withTimeout(timeout);
        if (settings.apiKey() != null) {
            builder.withApiKey(settings.apiKey());
        }
        return builder.build();
    }

    private static WithPayloadSelector allPayload() {
        return WithPayloadSelector.newBuilder().setEnable(true).build();
    }

    private static WithPayloadSelector payload(String... fields) {
        return WithPayloadSelector.newBuilder()
                .setInclude(PayloadIncludeSelector.newBuilder().addAllFields(List.of(fields))).build();
    }

    private static WithVectorsSelector denseVector() {
        return WithVectorsSelector.newBuilder().setInclude(VectorsSelector.newBuilder().addNames(DENSE)).build();
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

    private static List<Float> floats(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float x : vector) {
            list.add(x);
        }
        return list;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static long instant(Map<String, Value> payload, String field) {
        return Instant.parse(payload.get(field).getStringValue()).toEpochMilli();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }

    /** The collection exists with a layout this server cannot use, or the Qdrant server is too old. */
    public static final class IncompatibleCollectionException extends IllegalStateException {
        IncompatibleCollectionException(String message) {
            super(message);
        }
    }
}
