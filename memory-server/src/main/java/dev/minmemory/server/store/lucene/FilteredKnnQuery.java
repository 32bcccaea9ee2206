package dev.minmemory.server.store.lucene;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.util.Bits;

/**
 * A k-NN search under a filter that compares every memory the filter leaves in a segment, instead of walking the
 * vector graph, whenever they are few enough to compare in a millisecond or two.
 * <p>
 * A graph walk scores every neighbour it passes, matching the filter or not, so under a filter that keeps a few
 * percent of a segment (one project among dozens, as a duplicate check's filtered walk asks) it scores more vectors
 * than the filter holds before Lucene gives up and compares them all anyway. Exact comparison is then cheaper, and
 * its recall is 1.
 */
final class FilteredKnnQuery extends KnnFloatVectorQuery {

    /** About 5 000 vectors of 384 dimensions. */
    static final long EXACT_SEARCH_MAX_MULTIPLY_ADDS = 2_048_000;

    /** What Lucene takes for a graph walk stopped at its visit limit: it then compares every accepted document. */
    private static final TopDocs STOPPED = new TopDocs(
            new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);

    private final int dimension;

    FilteredKnnQuery(String field, float[] target, int k, Query filter) {
        super(field, target, k, filter);
        this.dimension = target.length;
    }

    /** Lucene passes the number of documents the filter accepts in this segment, plus one, as the visit limit. */
    @Override
    protected TopDocs approximateSearch(LeafReaderContext context, Bits acceptDocs, int visitedLimit,
            KnnCollectorManager knnCollectorManager) throws IOException {
        if (acceptDocs != null && (visitedLimit - 1L) * dimension <= EXACT_SEARCH_MAX_MULTIPLY_ADDS) {
            return STOPPED;
        }
        return super.approximateSearch(context, acceptDocs, visitedLimit, knnCollectorManager);
    }
}
