package dev.minmemory.server.store.qdrant;

import static dev.minmemory.server.store.qdrant.CollectionLayout.DENSE;
import static dev.minmemory.server.store.qdrant.CollectionLayout.KEYWORDS;

import java.util.ArrayList;
import java.util.List;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.SearchQuery;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectors;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QuantizationSearchParams;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.SearchParams;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.Vectors;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;

/** The requests the store sends for one collection: points to upsert, scroll pages and the hybrid query. */
final class PointRequests {

    /** The candidates each side of hybrid search contributes before fusion (as the embedded store's). */
    static final int DENSE_CANDIDATES = 300;
    static final int KEYWORD_CANDIDATES = 50;

    private final String collection;
    private final KeywordVectors keywords = new KeywordVectors();

    PointRequests(String collection) {
        this.collection = collection;
    }

    String collection() {
        return collection;
    }

    /**
     * Both sides' candidates in one round trip, ids and scores only: the nearest dense vectors (the exact cosine,
     * quantization rescored) and, if the text has keyword terms, the best BM25 matches, each under the filter.
     */
    QueryBatchPoints candidates(Filter filter, SearchQuery query) {
        QueryBatchPoints.Builder batch = QueryBatchPoints.newBuilder()
                .setCollectionName(collection)
                .addQueryPoints(QueryPoints.newBuilder()
                        .setCollectionName(collection)
                        .setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder()
                                .setDense(DenseVector.newBuilder().addAllData(floats(query.vector())))))
                        .setUsing(DENSE)
                        .setFilter(filter)
                        .setLimit(Math.max(query.limit(), DENSE_CANDIDATES))
                        .setParams(SearchParams.newBuilder()
                                .setQuantization(QuantizationSearchParams.newBuilder().setRescore(true)))
                        .setWithPayload(WithPayloadSelectorFactory.enable(false))
                        .setWithVectors(WithVectorsSelectorFactory.enable(false)));
        SparseVector terms = keywords.query(query.text());
        if (terms.getIndicesCount() > 0) {
            batch.addQueryPoints(QueryPoints.newBuilder()
                    .setCollectionName(collection)
                    .setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder().setSparse(terms)))
                    .setUsing(KEYWORDS)
                    .setFilter(filter)
                    .setLimit(Math.max(query.limit(), KEYWORD_CANDIDATES))
                    .setWithPayload(WithPayloadSelectorFactory.enable(false))
                    .setWithVectors(WithVectorsSelectorFactory.enable(false)));
        }
        return batch.build();
    }

    /**
     * The winners of a fusion, with their records and dense vectors: a scroll under the search's filter narrowed to
     * their ids, so that a point read for a user is always one of that user's.
     */
    ScrollPoints winners(Filter filter, List<PointId> ids) {
        return scroll(filter.toBuilder().addMust(ConditionFactory.hasId(ids)).build(), ids.size(),
                WithPayloadSelectorFactory.enable(true), true, null);
    }

    /** One page of the points matching the filter, with the given payload, and their dense vector if asked. */
    ScrollPoints scroll(Filter filter, int limit, WithPayloadSelector payload, boolean withVectors,
            PointId offset) {
        ScrollPoints.Builder request = ScrollPoints.newBuilder()
                .setCollectionName(collection)
                .setFilter(filter)
                .setLimit(limit)
                .setWithPayload(payload)
                .setWithVectors(withVectors ? denseVector() : WithVectorsSelectorFactory.enable(false));
        if (offset != null) {
            request.setOffset(offset);
        }
        return request.build();
    }

    /** Whole points, applied atomically and acknowledged once applied; under the filter, if there is one. */
    UpsertPoints upsert(List<PointStruct> points, Filter updateFilter) {
        UpsertPoints.Builder request = UpsertPoints.newBuilder()
                .setCollectionName(collection)
                .setWait(true)
                .addAllPoints(points);
        if (updateFilter != null) {
            request.setUpdateFilter(updateFilter);
        }
        return request.build();
    }

    /** A memory as a point: its id, its record as the payload, its embedding and its keyword terms. */
    PointStruct point(Memory memory, float[] vector) {
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

    private static WithVectorsSelector denseVector() {
        return WithVectorsSelectorFactory.include(List.of(DENSE));
    }

    private static List<Float> floats(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float x : vector) {
            list.add(x);
        }
        return list;
    }
}
