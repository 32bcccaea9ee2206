package dev.minmemory.server.store.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The project names among the documents a query matches. Project names are indexed terms only (no doc values), so
 * each name in the index is counted against the query; the terms come sorted, and so do the names.
 */
final class ProjectNames {

    private ProjectNames() {
    }

    static List<String> of(IndexSearcher searcher, Query documents) throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), MemoryDocument.PROJECT);
        List<String> names = new ArrayList<>();
        if (terms == null) {
            return names;
        }
        TermsEnum each = terms.iterator();
        for (BytesRef term = each.next(); term != null; term = each.next()) {
            Query inProject = new BooleanQuery.Builder().add(documents, Occur.FILTER)
                    .add(new TermQuery(new Term(MemoryDocument.PROJECT, BytesRef.deepCopyOf(term))), Occur.FILTER)
                    .build();
            if (searcher.count(inProject) > 0) {
                names.add(term.utf8ToString());
            }
        }
        return names;
    }
}
