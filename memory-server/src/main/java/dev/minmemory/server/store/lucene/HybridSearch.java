package dev.minmemory.server.store.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.QueryBuilder;

import dev.minmemory.server.memory.ScoreFusion;
import dev.minmemory.server.memory.ScoreFusion.Fused;
import dev.minmemory.server.memory.Scored;
import dev.minmemory.server.memory.SearchHit;
import dev.minmemory.server.memory.SearchQuery;
import dev.minmemory.server.memory.UnitVectors;

/**
 * Hybrid search on the index: the nearest vectors and the BM25 matches under the same filter, fused on document ids
 * by the query's {@link ScoreFusion} before any record is read, so that only the winners are; {@code similarity} is
 * recomputed from the stored vector.
 */
final class HybridSearch {

    /**
     * HNSW's k is also its search beam, and recall at k = 10 is poor; so the dense side always fetches at least
     * this many candidates (measured in docs/BENCHMARKS.md).
     */
    static final int DENSE_CANDIDATES = 300;
    static final int KEYWORD_CANDIDATES = 50;

    private final Analyzer analyzer;

    HybridSearch(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<SearchHit> search(IndexSearcher searcher, String user, SearchQuery query) throws IOException {
        Query filter = FilterQueries.liveMemories(user, query.filter());
        int denseK = Math.max(query.limit(), DENSE_CANDIDATES);
        ScoreDoc[] dense = searcher.search(new FilteredKnnQuery(MemoryDocument.VECTOR, query.vector(), denseK, filter),
                denseK).scoreDocs;
        ScoreDoc[] keyword = keywordHits(searcher, query.text(), filter, Math.max(query.limit(), KEYWORD_CANDIDATES));
        List<SearchHit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (Fused<Integer> fused : query.fusion().fuse(cosines(dense), bm25(keyword), query.limit())) {
            int doc = fused.key();
            double similarity = UnitVectors.cosine(IndexReads.vectorOf(searcher, doc), query.vector());
            hits.add(new SearchHit(IndexReads.source(stored, doc), similarity, fused.relevance()));
        }
        return hits;
    }

    private ScoreDoc[] keywordHits(IndexSearcher searcher, String text, Query filter, int limit) throws IOException {
        Query terms = new QueryBuilder(analyzer).createBooleanQuery(MemoryDocument.CONTENT, text, Occur.SHOULD);
        if (terms == null) {
            return new ScoreDoc[0];
        }
        Query query = new BooleanQuery.Builder().add(terms, Occur.MUST).add(filter, Occur.FILTER).build();
        return searcher.search(query, limit).scoreDocs;
    }

    /** Lucene scores a dot product of unit vectors as (1 + cosine) / 2. */
    private static List<Scored<Integer>> cosines(ScoreDoc[] hits) {
        return Arrays.stream(hits).map(hit -> new Scored<>(hit.doc, 2.0 * hit.score - 1)).toList();
    }

    private static List<Scored<Integer>> bm25(ScoreDoc[] hits) {
        return Arrays.stream(hits).map(hit -> new Scored<>(hit.doc, (double) hit.score)).toList();
    }
}
