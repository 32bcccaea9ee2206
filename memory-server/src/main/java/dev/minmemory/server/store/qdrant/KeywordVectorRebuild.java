package dev.minmemory.server.store.qdrant;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import dev.minmemory.server.memory.Memory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.DeletePointVectors;
import io.qdrant.client.grpc.Points.NamedVectors;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.UpdatePointVectors;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.Vectors;
import io.qdrant.client.grpc.Points.VectorsSelector;

/**
 * Gives every memory the keyword vector of this version's analysis, page by page, touching nothing else of a point:
 * its record and dense vector stay as they are. Rewriting a vector twice is harmless, so an interrupted rebuild is
 * finished by running it again, which happens as long as the collection records the old analysis.
 */
final class KeywordVectorRebuild {

    private static final Logger LOG = Logger.getLogger(KeywordVectorRebuild.class);

    private final QdrantConnection qdrant;
    private final PointRequests requests;
    private final KeywordVectors keywords = new KeywordVectors();

    KeywordVectorRebuild(QdrantConnection qdrant, PointRequests requests) {
        this.qdrant = qdrant;
        this.requests = requests;
    }

    void run(String from, String to) {
        LOG.infof("Rebuilding the keyword vectors of collection %s: they were made by the %s analysis, this version"
                + " uses %s", requests.collection(), from, to);
        long done = 0;
        PointId offset = null;
        do {
            ScrollResponse page = qdrant.call("scroll", qdrant.calls().points().scroll(requests.scroll(
                    LayoutPoint.memories(), QdrantMemoryStore.SCROLL_PAGE, WithPayloadSelectorFactory.enable(true),
                    false, offset)));
            rewrite(page.getResultList());
            done += page.getResultCount();
            LOG.infof("Rebuilt the keyword vectors of %d memories", done);
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);
    }

    private void rewrite(List<RetrievedPoint> points) {
        UpdatePointVectors.Builder update = UpdatePointVectors.newBuilder()
                .setCollectionName(requests.collection()).setWait(true);
        List<PointId> withoutTerms = new ArrayList<>();
        for (RetrievedPoint point : points) {
            Memory memory = QdrantPayload.memory(point.getPayloadMap());
            SparseVector terms = keywords.document(memory);
            if (terms.getIndicesCount() == 0) {
                withoutTerms.add(point.getId());
            } else {
                update.addPoints(PointVectors.newBuilder().setId(point.getId())
                        .setVectors(Vectors.newBuilder().setVectors(NamedVectors.newBuilder()
                                .putVectors(CollectionLayout.KEYWORDS, Vector.newBuilder().setSparse(terms).build()))));
            }
        }
        if (update.getPointsCount() > 0) {
            qdrant.call("update vectors", qdrant.calls().points().updateVectors(update.build()));
        }
        if (!withoutTerms.isEmpty()) {
            qdrant.call("delete vectors", qdrant.calls().points().deleteVectors(DeletePointVectors.newBuilder()
                    .setCollectionName(requests.collection()).setWait(true)
                    .setPointsSelector(PointsSelector.newBuilder()
                            .setPoints(PointsIdsList.newBuilder().addAllIds(withoutTerms)))
                    .setVectors(VectorsSelector.newBuilder().addNames(CollectionLayout.KEYWORDS))
                    .build()));
        }
    }
}
