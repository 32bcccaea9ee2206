package dev.minmemory.server.store.qdrant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.minmemory.server.store.RecordFields;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.HnswConfigDiff;
import io.qdrant.client.grpc.Collections.KeywordIndexParams;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.QuantizationConfig;
import io.qdrant.client.grpc.Collections.QuantizationType;
import io.qdrant.client.grpc.Collections.ScalarQuantization;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.FieldType;

/**
 * The layout of the memories collection: what is created when it is missing, and what an existing collection must
 * have for this server to use it.
 * <ul>
 * <li>{@value #DENSE}: 384-d bge-small-en-v1.5 vectors, cosine; int8 scalar quantization (4× less RAM for the vectors
 * searched, originals kept for rescoring and exact similarity).</li>
 * <li>{@value #KEYWORDS}: sparse term vectors with the IDF modifier, so their dot product is BM25.</li>
 * <li>HNSW with {@code m = 0, payload_m = 16}: no global graph, one graph per tenant (every search filters on one
 * user), the layout Qdrant recommends for multitenancy.</li>
 * <li>A keyword payload index on every filtered field; {@code user} is the tenant index ({@code is_tenant}), which
 * keeps each user's points together on disk; {@code deleted} is a bool index, {@code created_at} a datetime index
 * (time filters).</li>
 * </ul>
 */
final class CollectionLayout {

    static final String DENSE = "dense";
    static final String KEYWORDS = "keywords";
    static final int DIMENSIONS = 384;

    /** Every payload field a filter uses, with its index type. */
    static final Map<String, PayloadSchemaType> INDEXES = new LinkedHashMap<>();

    static {
        INDEXES.put(RecordFields.USER, PayloadSchemaType.Keyword);
        for (String field : List.of(RecordFields.SCOPE, RecordFields.MEMORY_TYPE, RecordFields.PROJECT,
                RecordFields.TASK_ID, RecordFields.STATUS, RecordFields.RELATED_TO, RecordFields.TAGS,
                RecordFields.ENTITY, RecordFields.SUPERSEDED_BY)) {
            INDEXES.put(field, PayloadSchemaType.Keyword);
        }
        INDEXES.put(RecordFields.DELETED, PayloadSchemaType.Bool);
        INDEXES.put(RecordFields.CREATED_AT, PayloadSchemaType.Datetime);
    }

    private CollectionLayout() {
    }

    static CreateCollection create(QdrantSettings settings) {
        CreateCollection.Builder create = CreateCollection.newBuilder()
                .setCollectionName(settings.collection())
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap(DENSE, VectorParams.newBuilder().setSize(DIMENSIONS).setDistance(Distance.Cosine)
                                .setOnDisk(settings.onDiskVectors()).build())))
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder()
                        .putMap(KEYWORDS, SparseVectorParams.newBuilder().setModifier(Modifier.Idf).build()))
                .setHnswConfig(HnswConfigDiff.newBuilder().setM(0).setPayloadM(16))
                .setQuantizationConfig(QuantizationConfig.newBuilder().setScalar(ScalarQuantization.newBuilder()
                        .setType(QuantizationType.Int8)
                        .setQuantile(settings.quantizationQuantile())
                        .setAlwaysRam(settings.quantizationAlwaysRam())))
                .setOnDiskPayload(settings.onDiskPayload());
        if (settings.shardNumber() != null) {
            create.setShardNumber(settings.shardNumber());
        }
        if (settings.replicationFactor() != null) {
            create.setReplicationFactor(settings.replicationFactor());
        }
        return create.build();
    }

    static CreateFieldIndexCollection index(String collection, String field) {
        PayloadSchemaType type = INDEXES.get(field);
        CreateFieldIndexCollection.Builder index = CreateFieldIndexCollection.newBuilder()
                .setCollectionName(collection)
                .setFieldName(field)
                .setWait(true)
                .setFieldType(switch (type) {
                    case Bool -> FieldType.FieldTypeBool;
                    case Datetime -> FieldType.FieldTypeDatetime;
                    default -> FieldType.FieldTypeKeyword;
                });
        if (field.equals(RecordFields.USER)) {
            index.setFieldIndexParams(PayloadIndexParams.newBuilder()
                    .setKeywordIndexParams(KeywordIndexParams.newBuilder().setIsTenant(true)));
        }
        return index.build();
    }

    /** What makes an existing collection unusable, each difference named; empty when it fits. */
    static List<String> incompatibilities(CollectionInfo info) {
        List<String> differences = new ArrayList<>();
        CollectionParams params = info.getConfig().getParams();
        VectorsConfig vectors = params.getVectorsConfig();
        VectorParams dense = vectors.hasParamsMap() ? vectors.getParamsMap().getMapMap().get(DENSE) : null;
        if (dense == null) {
            differences.add("it has no named dense vector '" + DENSE + "' (needed: " + DIMENSIONS
                    + " dimensions, Cosine;"
                    + " found " + (vectors.hasParams() ? "one unnamed vector" : "vectors " + (vectors.hasParamsMap()
                            ? vectors.getParamsMap().getMapMap().keySet() : "none"))
                    + ")");
        } else {
            if (dense.getSize() != DIMENSIONS) {
                differences.add("vector '" + DENSE + "' has " + dense.getSize() + " dimensions, needed " + DIMENSIONS);
            }
            if (dense.getDistance() != Distance.Cosine) {
                differences.add("vector '" + DENSE + "' uses distance " + dense.getDistance() + ", needed Cosine");
            }
        }
        SparseVectorParams sparse = params.getSparseVectorsConfig().getMapMap().get(KEYWORDS);
        if (sparse == null) {
            differences.add("it has no sparse vector '" + KEYWORDS + "' (needed, with modifier Idf)");
        } else if (sparse.getModifier() != Modifier.Idf) {
            differences.add("sparse vector '" + KEYWORDS + "' has modifier " + sparse.getModifier() + ", needed Idf");
        }
        INDEXES.forEach((field, type) -> {
            PayloadSchemaInfo existing = info.getPayloadSchemaMap().get(field);
            if (existing != null && existing.getDataType() != type) {
                differences.add("payload index '" + field + "' is " + existing.getDataType() + ", needed " + type);
            }
        });
        return differences;
    }

    /** Differences that cost performance, not correctness: logged, never fatal. */
    static List<String> advisories(CollectionInfo info) {
        List<String> notes = new ArrayList<>();
        if (!info.getConfig().hasQuantizationConfig() && !denseHasQuantization(info)) {
            notes.add("no int8 scalar quantization: vectors take 4× the RAM");
        }
        PayloadSchemaInfo user = info.getPayloadSchemaMap().get(RecordFields.USER);
        if (user != null && !(user.getParams().hasKeywordIndexParams()
                && user.getParams().getKeywordIndexParams().getIsTenant())) {
            notes.add("the payload index 'user' is not a tenant index (is_tenant)");
        }
        return notes;
    }

    private static boolean denseHasQuantization(CollectionInfo info) {
        VectorsConfig vectors = info.getConfig().getParams().getVectorsConfig();
        return vectors.hasParamsMap() && vectors.getParamsMap().getMapMap().containsKey(DENSE)
                && vectors.getParamsMap().getMapMap().get(DENSE).hasQuantizationConfig();
    }
}
