package dev.minmemory.server.store.qdrant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.google.protobuf.Message;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.BatchResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePointVectors;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectorsOutput;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.QueryBatchResponse;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.UpdatePointVectors;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import io.qdrant.client.grpc.PointsGrpc;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;

/**
 * TEST FIXTURE: an in-process stand-in for exactly the part of Qdrant's gRPC API that min-memory uses, built on the
 * service stubs generated from Qdrant's own proto files (they ship in {@code io.qdrant:client}). It listens on a
 * localhost port, so the real client, channel and reconnect logic are exercised.
 * <p>
 * Implemented: {@code Qdrant/HealthCheck}; {@code Collections/Create, Get, CollectionExists, Delete};
 * {@code Points/Upsert} (with {@code update_filter}), {@code UpdateVectors}, {@code DeleteVectors} (by ids),
 * {@code Scroll} (filter, offset, limit, payload and vector
 * selectors), {@code QueryBatch} (queries of dense or sparse {@code nearest} under a filter, with payload and vector
 * selectors; no prefetches, no fusion), {@code CreateFieldIndex}. Dense vectors are
 * compared exactly (no HNSW, no quantization: the ideal that real Qdrant approximates); sparse vectors score as
 * Qdrant's IDF modifier does: Σ query·document·ln(1 + (N − n + 0.5)/(n + 0.5)), only points sharing a term.
 * Filters: {@link FakeQdrantFilter}. Everything else answers UNIMPLEMENTED.
 * <p>
 * Every request is recorded with its {@code api-key} header, so tests can assert what the server sent.
 */
public final class FakeQdrant implements AutoCloseable {

    /** What a Qdrant node keeps on disk: survives {@link #close()} and can be served again by a new fake. */
    public static final class Storage {
        final Map<String, FakeCollection> collections = new ConcurrentHashMap<>();
    }

    /** One request as the fake received it. */
    public record Recorded(String method, Message request, String apiKey) {
    }

    static final class FakeCollection {
        final CreateCollection config;
        final Map<String, PayloadSchemaInfo> indexes = new ConcurrentHashMap<>();
        /** Points by id, in Qdrant's scroll order (by id). */
        final TreeMap<String, FakePoint> points = new TreeMap<>();

        FakeCollection(CreateCollection config) {
            this.config = config;
        }
    }

    record FakePoint(PointId id, Map<String, Value> payload, Map<String, float[]> dense,
            Map<String, Map<Integer, Float>> sparse) {
    }

    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);

    private final Storage storage;
    private final Server server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile String version = "1.16.3";

    private final boolean tls;

    private FakeQdrant(int port, Storage storage, ServerCredentials credentials) {
        this.storage = storage;
        this.tls = !(credentials instanceof InsecureServerCredentials);
        ServerInterceptor recorder = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                String method = call.getMethodDescriptor().getFullMethodName();
                String apiKey = headers.get(API_KEY);
                return new SimpleForwardingServerCallListener<Q>(next.startCall(call, headers)) {
                    @Override
                    public void onMessage(Q message) {
                        requests.add(new Recorded(method, (Message) message, apiKey));
                        super.onMessage(message);
                    }
                };
            }
        };
        try {
            server = Grpc.newServerBuilderForPort(port, credentials)
                    .addService(ServerInterceptors.intercept(new Health(), recorder))
                    .addService(ServerInterceptors.intercept(new Collections(), recorder))
                    .addService(ServerInterceptors.intercept(new Points(), recorder))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("FakeQdrant cannot listen on port " + port, e);
        }
    }

    /** A fake on a free localhost port with empty storage. */
    public static FakeQdrant start() {
        return new FakeQdrant(0, new Storage(), InsecureServerCredentials.create());
    }

    /** A fake on a free localhost port that speaks only TLS, with this certificate chain and key (PEM files). */
    public static FakeQdrant startWithTls(Path certificateChain, Path privateKey) {
        try {
            return new FakeQdrant(0, new Storage(),
                    TlsServerCredentials.create(certificateChain.toFile(), privateKey.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fake on this port serving this storage: a Qdrant node coming (back) up. */
    public static FakeQdrant start(int port, Storage storage) {
        return new FakeQdrant(port, storage, InsecureServerCredentials.create());
    }

    public int port() {
        return server.getPort();
    }

    public String url() {
        return (tls ? "https" : "http") + "://localhost:" + port();
    }

    public Storage storage() {
        return storage;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    /** The version the health check reports. */
    public void reportVersion(String reported) {
        this.version = reported;
    }

    /** Creates a collection as an operator (or another program) would have, bypassing the recorder. */
    public void createCollection(CreateCollection create) {
        storage.collections.put(create.getCollectionName(), new FakeCollection(create));
    }

    /** Removes a point as an operator (or an older version of min-memory) would have, bypassing the recorder. */
    public void removePoint(String collection, PointId id) {
        FakeCollection c = storage.collections.get(collection);
        synchronized (c) {
            c.points.remove(key(id));
        }
    }

    /** Removes a vector from every point, as if it had never been written. */
    public void removeVectorEverywhere(String collection, String name) {
        FakeCollection c = storage.collections.get(collection);
        synchronized (c) {
            c.points.replaceAll((id, point) -> withoutVector(point, name));
        }
    }

    /** The number of points that have the named sparse vector. */
    public long pointsWithSparseVector(String collection, String name) {
        FakeCollection c = storage.collections.get(collection);
        synchronized (c) {
            return c.points.values().stream().filter(point -> point.sparse().containsKey(name)).count();
        }
    }

    private static FakePoint withoutVector(FakePoint point, String name) {
        Map<String, float[]> dense = new HashMap<>(point.dense());
        Map<String, Map<Integer, Float>> sparse = new HashMap<>(point.sparse());
        dense.remove(name);
        sparse.remove(name);
        return new FakePoint(point.id(), point.payload(), dense, sparse);
    }

    public int pointCount(String collection) {
        FakeCollection c = storage.collections.get(collection);
        synchronized (c) {
            return c.points.size();
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FakeCollection collection(String name) {
        FakeCollection collection = storage.collections.get(name);
        if (collection == null) {
            throw Status.NOT_FOUND.withDescription("Collection `" + name + "` doesn't exist!").asRuntimeException();
        }
        return collection;
    }

    private static <T> void answer(StreamObserver<T> observer, Supplier<T> work) {
        T response;
        try {
            response = work.get();
        } catch (RuntimeException e) {
            observer.onError(Status.fromThrowable(e).asRuntimeException());
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }

    private final class Health extends QdrantGrpc.QdrantImplBase {
        @Override
        public void healthCheck(HealthCheckRequest request, StreamObserver<HealthCheckReply> observer) {
            answer(observer, () -> HealthCheckReply.newBuilder().setTitle("qdrant - vector search engine (fake)")
                    .setVersion(version).build());
        }
    }

    private final class Collections extends CollectionsGrpc.CollectionsImplBase {
        @Override
        public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> observer) {
            answer(observer, () -> {
                if (storage.collections.putIfAbsent(request.getCollectionName(), new FakeCollection(request)) != null) {
                    throw Status.ALREADY_EXISTS.withDescription("Wrong input: Collection `"
                            + request.getCollectionName() + "` already exists!").asRuntimeException();
                }
                return CollectionOperationResponse.newBuilder().setResult(true).build();
            });
        }

        @Override
        public void delete(DeleteCollection request, StreamObserver<CollectionOperationResponse> observer) {
            answer(observer, () -> CollectionOperationResponse.newBuilder()
                    .setResult(storage.collections.remove(request.getCollectionName()) != null).build());
        }

        @Override
        public void collectionExists(CollectionExistsRequest request,
                StreamObserver<CollectionExistsResponse> observer) {
            answer(observer, () -> CollectionExistsResponse.newBuilder().setResult(CollectionExists.newBuilder()
                    .setExists(storage.collections.containsKey(request.getCollectionName()))).build());
        }

        @Override
        public void get(GetCollectionInfoRequest request, StreamObserver<GetCollectionInfoResponse> observer) {
            answer(observer, () -> {
                FakeCollection collection = collection(request.getCollectionName());
                CreateCollection c = collection.config;
                CollectionParams.Builder params = CollectionParams.newBuilder()
                        .setShardNumber(c.hasShardNumber() ? c.getShardNumber() : 1)
                        .setReplicationFactor(c.hasReplicationFactor() ? c.getReplicationFactor() : 1)
                        .setOnDiskPayload(c.getOnDiskPayload())
                        .setVectorsConfig(c.getVectorsConfig())
                        .setSparseVectorsConfig(c.getSparseVectorsConfig());
                CollectionConfig.Builder config = CollectionConfig.newBuilder().setParams(params)
                        .setHnswConfig(c.getHnswConfig());
                if (c.hasQuantizationConfig()) {
                    config.setQuantizationConfig(c.getQuantizationConfig());
                }
                int count;
                synchronized (collection) {
                    count = collection.points.size();
                }
                return GetCollectionInfoResponse.newBuilder().setResult(CollectionInfo.newBuilder()
                        .setStatus(CollectionStatus.Green)
                        .setConfig(config)
                        .putAllPayloadSchema(collection.indexes)
                        .setPointsCount(count)).build();
            });
        }
    }

    private final class Points extends PointsGrpc.PointsImplBase {
        @Override
        public void createFieldIndex(CreateFieldIndexCollection request,
                StreamObserver<PointsOperationResponse> observer) {
            answer(observer, () -> {
                PayloadSchemaType type = switch (request.getFieldType()) {
                    case FieldTypeKeyword -> PayloadSchemaType.Keyword;
                    case FieldTypeBool -> PayloadSchemaType.Bool;
                    case FieldTypeInteger -> PayloadSchemaType.Integer;
                    case FieldTypeDatetime -> PayloadSchemaType.Datetime;
                    default -> throw Status.UNIMPLEMENTED.withDescription("index type " + request.getFieldType())
                            .asRuntimeException();
                };
                PayloadSchemaInfo.Builder info = PayloadSchemaInfo.newBuilder().setDataType(type);
                if (request.hasFieldIndexParams()) {
                    info.setParams(request.getFieldIndexParams());
                }
                collection(request.getCollectionName()).indexes.put(request.getFieldName(), info.build());
                return completed();
            });
        }

        @Override
        public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> observer) {
            answer(observer, () -> {
                FakeCollection collection = collection(request.getCollectionName());
                List<FakePoint> points = new ArrayList<>();
                for (PointStruct point : request.getPointsList()) {
                    points.add(toFake(collection, point));
                }
                synchronized (collection) {
                    for (FakePoint point : points) {
                        FakePoint existing = collection.points.get(key(point.id()));
                        if (existing != null && request.hasUpdateFilter()
                                && !FakeQdrantFilter.matches(request.getUpdateFilter(), existing.id(),
                                        existing.payload())) {
                            continue;
                        }
                        collection.points.put(key(point.id()), point);
                    }
                }
                return completed();
            });
        }

        @Override
        public void updateVectors(UpdatePointVectors request, StreamObserver<PointsOperationResponse> observer) {
            answer(observer, () -> {
                FakeCollection collection = collection(request.getCollectionName());
                synchronized (collection) {
                    for (PointVectors update : request.getPointsList()) {
                        FakePoint existing = collection.points.get(key(update.getId()));
                        if (existing == null) {
                            throw Status.NOT_FOUND.withDescription("No point with id " + key(update.getId()))
                                    .asRuntimeException();
                        }
                        FakePoint vectors = toFake(collection, PointStruct.newBuilder().setId(update.getId())
                                .setVectors(update.getVectors()).build());
                        Map<String, float[]> dense = new HashMap<>(existing.dense());
                        Map<String, Map<Integer, Float>> sparse = new HashMap<>(existing.sparse());
                        dense.putAll(vectors.dense());
                        sparse.putAll(vectors.sparse());
                        collection.points.put(key(update.getId()),
                                new FakePoint(existing.id(), existing.payload(), dense, sparse));
                    }
                }
                return completed();
            });
        }

        @Override
        public void deleteVectors(DeletePointVectors request, StreamObserver<PointsOperationResponse> observer) {
            answer(observer, () -> {
                FakeCollection collection = collection(request.getCollectionName());
                synchronized (collection) {
                    for (PointId id : request.getPointsSelector().getPoints().getIdsList()) {
                        FakePoint point = collection.points.get(key(id));
                        if (point != null) {
                            for (String name : request.getVectors().getNamesList()) {
                                point = withoutVector(point, name);
                            }
                            collection.points.put(key(id), point);
                        }
                    }
                }
                return completed();
            });
        }

        @Override
        public void scroll(ScrollPoints request, StreamObserver<ScrollResponse> observer) {
            answer(observer, () -> {
                FakeCollection collection = collection(request.getCollectionName());
                int limit = request.hasLimit() ? request.getLimit() : 10;
                ScrollResponse.Builder response = ScrollResponse.newBuilder();
                synchronized (collection) {
                    Map<String, FakePoint> from = request.hasOffset()
                            ? collection.points.tailMap(key(request.getOffset()), true) : collection.points;
                    int taken = 0;
                    for (FakePoint point : from.values()) {
                        if (!FakeQdrantFilter.matches(request.getFilter(), point.id(), point.payload())) {
                            continue;
                        }
                        if (taken == limit) {
                            response.setNextPageOffset(point.id());
                            break;
                        }
                        RetrievedPoint.Builder retrieved = RetrievedPoint.newBuilder().setId(point.id())
                                .putAllPayload(payload(point, request.getWithPayload()));
                        vectors(point, request.hasWithVectors() ? request.getWithVectors() : null)
                                .ifPresent(retrieved::setVectors);
                        response.addResult(retrieved);
                        taken++;
                    }
                }
                return response.build();
            });
        }

        @Override
        public void queryBatch(QueryBatchPoints request, StreamObserver<QueryBatchResponse> observer) {
            answer(observer, () -> {
                FakeCollection collection = collection(request.getCollectionName());
                QueryBatchResponse.Builder response = QueryBatchResponse.newBuilder();
                synchronized (collection) {
                    for (QueryPoints query : request.getQueryPointsList()) {
                        BatchResult.Builder result = BatchResult.newBuilder();
                        nearest(collection, query).forEach((point, score) -> {
                            ScoredPoint.Builder scored = ScoredPoint.newBuilder().setId(point.id())
                                    .setScore(score.floatValue())
                                    .putAllPayload(payload(point, query.getWithPayload()));
                            vectors(point, query.hasWithVectors() ? query.getWithVectors() : null)
                                    .ifPresent(scored::setVectors);
                            result.addResult(scored);
                        });
                        response.addResult(result);
                    }
                }
                return response.build();
            });
        }
    }

    /** One query: points under its filter, best first by the named vector, at most its limit, with their scores. */
    private static Map<FakePoint, Double> nearest(FakeCollection collection, QueryPoints query) {
        if (query.getPrefetchCount() > 0 || !query.getQuery().hasNearest()) {
            throw Status.UNIMPLEMENTED.withDescription("FakeQdrant queries only 'nearest', without prefetches")
                    .asRuntimeException();
        }
        Filter filter = query.hasFilter() ? query.getFilter() : Filter.getDefaultInstance();
        VectorInput input = query.getQuery().getNearest();
        String using = query.getUsing();
        Map<String, Double> scores = new LinkedHashMap<>();
        if (input.hasDense()) {
            float[] target = normalized(toArray(input.getDense().getDataList()));
            for (Map.Entry<String, FakePoint> e : collection.points.entrySet()) {
                float[] stored = e.getValue().dense().get(using);
                if (stored != null && FakeQdrantFilter.matches(filter, e.getValue().id(), e.getValue().payload())) {
                    scores.put(e.getKey(), dot(stored, target));
                }
            }
        } else if (input.hasSparse()) {
            SparseVectorParams params = collection.config.getSparseVectorsConfig().getMapMap().get(using);
            boolean idf = params != null && params.getModifier() == Modifier.Idf;
            Map<Integer, Float> terms = sparse(input.getSparse());
            long total = collection.points.values().stream().filter(p -> p.sparse().containsKey(using)).count();
            for (Map.Entry<String, FakePoint> e : collection.points.entrySet()) {
                Map<Integer, Float> stored = e.getValue().sparse().get(using);
                if (stored == null || !FakeQdrantFilter.matches(filter, e.getValue().id(), e.getValue().payload())) {
                    continue;
                }
                double score = 0;
                boolean overlap = false;
                for (Map.Entry<Integer, Float> term : terms.entrySet()) {
                    Float weight = stored.get(term.getKey());
                    if (weight != null) {
                        overlap = true;
                        double factor = 1;
                        if (idf) {
                            long n = collection.points.values().stream()
                                    .filter(p -> p.sparse().getOrDefault(using, Map.of()).containsKey(term.getKey()))
                                    .count();
                            factor = Math.log(1 + (total - n + 0.5) / (n + 0.5));
                        }
                        score += term.getValue() * weight * factor;
                    }
                }
                if (overlap) {
                    scores.put(e.getKey(), score);
                }
            }
        } else {
            throw Status.UNIMPLEMENTED.withDescription("nearest " + input.getVariantCase()).asRuntimeException();
        }
        long limit = query.hasLimit() ? query.getLimit() : 10;
        Map<FakePoint, Double> best = new LinkedHashMap<>();
        scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .forEach(e -> best.put(collection.points.get(e.getKey()), e.getValue()));
        return best;
    }

    @SuppressWarnings("deprecation")
    private static FakePoint toFake(FakeCollection collection, PointStruct point) {
        Map<String, VectorParams> denseConfig = collection.config.getVectorsConfig().getParamsMap().getMapMap();
        Set<String> sparseConfig = collection.config.getSparseVectorsConfig().getMapMap().keySet();
        Map<String, float[]> dense = new HashMap<>();
        Map<String, Map<Integer, Float>> sparse = new HashMap<>();
        point.getVectors().getVectors().getVectorsMap().forEach((name, vector) -> {
            if (vector.hasSparse()) {
                if (!sparseConfig.contains(name)) {
                    throw invalid("Wrong input: Not existing vector name error: " + name);
                }
                sparse.put(name, sparse(vector.getSparse()));
            } else {
                VectorParams params = denseConfig.get(name);
                if (params == null) {
                    throw invalid("Wrong input: Not existing vector name error: " + name);
                }
                float[] data = toArray(vector.hasDense() ? vector.getDense().getDataList() : vector.getDataList());
                if (data.length != params.getSize()) {
                    throw invalid("Wrong input: Vector dimension error: expected dim: " + params.getSize()
                            + ", got " + data.length);
                }
                dense.put(name, params.getDistance() == Distance.Cosine ? normalized(data) : data);
            }
        });
        return new FakePoint(point.getId(), Map.copyOf(point.getPayloadMap()), dense, sparse);
    }

    private static Map<Integer, Float> sparse(SparseVector vector) {
        if (vector.getIndicesCount() != vector.getValuesCount()) {
            throw invalid("Wrong input: sparse indices and values differ in length");
        }
        Map<Integer, Float> terms = new HashMap<>();
        for (int i = 0; i < vector.getIndicesCount(); i++) {
            if (terms.put(vector.getIndices(i), vector.getValues(i)) != null) {
                throw invalid("Wrong input: duplicate sparse index " + Integer.toUnsignedString(vector.getIndices(i)));
            }
        }
        return terms;
    }

    private static Map<String, Value> payload(FakePoint point, WithPayloadSelector selector) {
        return switch (selector.getSelectorOptionsCase()) {
            case ENABLE -> selector.getEnable() ? point.payload() : Map.of();
            case INCLUDE -> {
                Map<String, Value> included = new HashMap<>();
                for (String field : selector.getInclude().getFieldsList()) {
                    if (point.payload().containsKey(field)) {
                        included.put(field, point.payload().get(field));
                    }
                }
                yield included;
            }
            case EXCLUDE -> {
                Map<String, Value> rest = new HashMap<>(point.payload());
                selector.getExclude().getFieldsList().forEach(rest::remove);
                yield rest;
            }
            case SELECTOROPTIONS_NOT_SET -> Map.of();
        };
    }

    private static java.util.Optional<VectorsOutput> vectors(FakePoint point, WithVectorsSelector selector) {
        if (selector == null || selector.hasEnable() && !selector.getEnable()
                || selector
                        .getSelectorOptionsCase() == WithVectorsSelector.SelectorOptionsCase.SELECTOROPTIONS_NOT_SET) {
            return java.util.Optional.empty();
        }
        List<String> names = selector.hasInclude() ? selector.getInclude().getNamesList()
                : new ArrayList<>(point.dense().keySet());
        NamedVectorsOutput.Builder named = NamedVectorsOutput.newBuilder();
        for (String name : names) {
            float[] dense = point.dense().get(name);
            if (dense != null) {
                DenseVector.Builder data = DenseVector.newBuilder();
                for (float x : dense) {
                    data.addData(x);
                }
                named.putVectors(name, VectorOutput.newBuilder().setDense(data).build());
            }
        }
        return java.util.Optional.of(VectorsOutput.newBuilder().setVectors(named).build());
    }

    private static String key(PointId id) {
        return id.hasUuid() ? "u:" + id.getUuid() : String.format("n:%020d", id.getNum());
    }

    private static PointsOperationResponse completed() {
        return PointsOperationResponse.newBuilder().setResult(UpdateResult.newBuilder()
                .setStatus(UpdateStatus.Completed)).build();
    }

    private static float[] toArray(List<Float> data) {
        float[] array = new float[data.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = data.get(i);
        }
        return array;
    }

    private static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            return v;
        }
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            unit[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return unit;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static RuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    static List<String> methods(List<Recorded> recorded) {
        return recorded.stream().map(Recorded::method).toList();
    }
}
