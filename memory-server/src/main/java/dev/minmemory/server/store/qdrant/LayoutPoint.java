package dev.minmemory.server.store.qdrant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.store.RecordFields;
import dev.minmemory.server.store.RecordedLayout;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectors;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.Vectors;

/**
 * The collection's {@link IndexLayout}, kept as the payload of one reserved point. Collection metadata would be the
 * natural place, but Qdrant stores it only from 1.16 on, and older servers (this server supports 1.10 and newer) drop
 * it without an error: a layout written there would be lost. The point belongs to no user (its {@code user} is empty,
 * which no caller is), so every request made for a user filters it out; the one unfiltered scroll, of every memory,
 * leaves it out by id.
 */
final class LayoutPoint {

    static final PointId ID = PointId.newBuilder().setUuid("00000000-0000-0000-0000-000000000001").build();
    private static final Logger LOG = Logger.getLogger(LayoutPoint.class);

    private final QdrantConnection qdrant;
    private final PointRequests requests;

    LayoutPoint(QdrantConnection qdrant, PointRequests requests) {
        this.qdrant = qdrant;
        this.requests = requests;
    }

    /** Every point but this one: every memory. */
    static Filter memories() {
        return Filter.newBuilder().addMustNot(ConditionFactory.hasId(ID)).build();
    }

    /**
     * The collection's layout, as recorded; an empty collection without a record is new and records {@code newStore},
     * a collection of memories without one was made before layouts were recorded. Keyword vectors of another analysis
     * than {@code newStore}'s are rebuilt before the new analysis is recorded.
     */
    IndexLayout prepare(IndexLayout newStore) {
        Optional<IndexLayout> recorded = read();
        IndexLayout layout;
        if (recorded.isPresent()) {
            layout = recorded.get();
        } else if (isEmpty()) {
            record(newStore);
            return newStore;
        } else {
            layout = IndexLayout.legacy(newStore.embeddingModel());
        }
        if (!layout.keywordAnalysis().equals(newStore.keywordAnalysis())) {
            new KeywordVectorRebuild(qdrant, requests).run(layout.keywordAnalysis(), newStore.keywordAnalysis());
            layout = layout.withKeywordAnalysis(newStore.keywordAnalysis());
            record(layout);
        }
        return layout;
    }

    /** Records the layout; acknowledged once applied, so after every write acknowledged before. */
    void record(IndexLayout layout) {
        Map<String, Value> payload = new HashMap<>();
        payload.put(RecordFields.USER, ValueFactory.value(""));
        RecordedLayout.entries(layout).forEach((key, value) -> payload.put(key, ValueFactory.value(value)));
        DenseVector.Builder unit = DenseVector.newBuilder().addData(1f);
        for (int i = 1; i < CollectionLayout.DIMENSIONS; i++) {
            unit.addData(0f);
        }
        PointStruct point = PointStruct.newBuilder()
                .setId(ID)
                .putAllPayload(payload)
                .setVectors(Vectors.newBuilder().setVectors(NamedVectors.newBuilder()
                        .putVectors(CollectionLayout.DENSE, Vector.newBuilder().setDense(unit).build())))
                .build();
        qdrant.call("record layout", qdrant.calls().points().upsert(requests.upsert(List.of(point), null)));
        LOG.debugf("Recorded the collection's layout: %s", layout);
    }

    private Optional<IndexLayout> read() {
        List<RetrievedPoint> found = qdrant.call("read layout", qdrant.calls().points().scroll(requests.scroll(
                Filter.newBuilder().addMust(ConditionFactory.hasId(ID)).build(), 1,
                WithPayloadSelectorFactory.enable(true), false, null))).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> entries = new HashMap<>();
        found.get(0).getPayloadMap().forEach((key, value) -> entries.put(key, value.getStringValue()));
        return RecordedLayout.from(entries);
    }

    private boolean isEmpty() {
        return qdrant.call("scroll", qdrant.calls().points().scroll(requests.scroll(Filter.getDefaultInstance(), 1,
                WithPayloadSelectorFactory.enable(false), false, null))).getResultList().isEmpty();
    }
}
