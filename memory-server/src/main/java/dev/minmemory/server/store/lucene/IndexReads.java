package dev.minmemory.server.store.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import dev.minmemory.server.memory.Memory;

/** Reading documents back: the records, the vectors and every document a filter matches. */
final class IndexReads {

    private IndexReads() {
    }

    /**
     * Every document the query matches, in index order. Unlike {@code search(query, n)}, whose priority queue is
     * allocated up front with n (at most maxDoc) entries, this costs nothing when little matches.
     */
    static List<Integer> matchingDocs(IndexSearcher searcher, Query query) throws IOException {
        List<Integer> docs = new ArrayList<>();
        searcher.search(query, new SimpleCollector() {
            private int docBase;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                docBase = context.docBase;
            }

            @Override
            public void collect(int doc) {
                docs.add(docBase + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return docs;
    }

    static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(MemoryDocument.VECTOR);
        int leafDoc = doc - leaf.docBase;
        if (vectors == null || vectors.advance(leafDoc) != leafDoc) {
            throw new IllegalStateException("Stored memory has no vector");
        }
        return vectors.vectorValue().clone();
    }

    /** One {@link StoredFields} serves every read of a search: each one made costs a copy of the readers' state. */
    static Memory source(StoredFields stored, int doc) throws IOException {
        return MemoryDocument.source(stored.document(doc));
    }
}
