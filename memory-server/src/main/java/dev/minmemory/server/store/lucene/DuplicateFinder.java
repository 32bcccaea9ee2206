package dev.minmemory.server.store.lucene;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

import dev.minmemory.server.memory.DuplicateQuery;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.SearchHit;
import dev.minmemory.server.memory.StoredMemory;
import dev.minmemory.server.memory.UnitVectors;

/**
 * The memories near a new one, for the duplicate check: the pending memories, compared exactly, and the searcher's
 * nearest memories, without the refresh other reads make.
 * <p>
 * The nearest memories come from the graph of all memories, unfiltered: that walk costs the same whatever the
 * scope's size, where a filtered one compares every memory of a small scope and explores the graph widely for a
 * large one. A near-duplicate in the scope is among them unless at least as many memories elsewhere (other scopes,
 * other users, deleted ones) are that similar too; then, and only then, the walk is repeated under the filter.
 */
final class DuplicateFinder {

    /**
     * The nearest memories a duplicate check looks at. A near memory lies far closer to the new memory than almost
     * anything else, so the graph's greedy descent reaches it without the wide beam recall@10 needs.
     */
    static final int CANDIDATES = 32;
    /** Lucene scores a dot product as (1 + dot) / 2 in float precision; a candidate this close is checked exactly. */
    private static final double SCORE_ROUNDING = 1e-5;

    private DuplicateFinder() {
    }

    /**
     * The pending snapshot must be taken before the searcher is acquired: a memory missing from it was dropped by a
     * refresh that had finished, so the searcher holds it.
     */
    static List<SearchHit> find(List<StoredMemory> pending, IndexSearcher searcher, String user,
            DuplicateQuery query) throws IOException {
        double minSimilarity = query.minSimilarity();
        Map<String, SearchHit> near = new HashMap<>();
        for (StoredMemory stored : pending) {
            double similarity = UnitVectors.cosine(stored.vector(), query.vector());
            if (isCandidate(stored.memory(), user, query) && similarity >= minSimilarity) {
                near.put(stored.memory().id(), new SearchHit(stored.memory(), similarity, 1.0));
            }
        }
        ScoreDoc[] nearest = searcher.search(new KnnFloatVectorQuery(MemoryDocument.VECTOR, query.vector(),
                CANDIDATES), CANDIDATES).scoreDocs;
        if (nearest.length == CANDIDATES
                && similarity(nearest[nearest.length - 1]) >= minSimilarity - SCORE_ROUNDING) {
            nearest = searcher.search(new FilteredKnnQuery(MemoryDocument.VECTOR, query.vector(), CANDIDATES,
                    FilterQueries.liveMemories(user, query.filter())), CANDIDATES).scoreDocs;
        }
        StoredFields stored = searcher.storedFields();
        int found = 0;
        // Nearest first: once the limit is reached, every further hit is farther than those found.
        for (ScoreDoc hit : nearest) {
            if (found == query.limit() || similarity(hit) < minSimilarity - SCORE_ROUNDING) {
                break;
            }
            Memory memory = IndexReads.source(stored, hit.doc);
            double similarity = UnitVectors.cosine(IndexReads.vectorOf(searcher, hit.doc), query.vector());
            if (isCandidate(memory, user, query) && similarity >= minSimilarity) {
                near.putIfAbsent(memory.id(), new SearchHit(memory, similarity, 1.0));
                found++;
            }
        }
        return near.values().stream()
                .sorted(Comparator.comparingDouble(SearchHit::similarity).reversed())
                .limit(query.limit())
                .toList();
    }

    private static boolean isCandidate(Memory memory, String user, DuplicateQuery query) {
        return memory.user().equals(user) && memory.isLive() && query.filter().matches(memory);
    }

    /** The cosine similarity behind a k-NN hit's score (for unit vectors, Lucene scores (1 + cosine) / 2). */
    private static double similarity(ScoreDoc hit) {
        return 2.0 * hit.score - 1;
    }
}
