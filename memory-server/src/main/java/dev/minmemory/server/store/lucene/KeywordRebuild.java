package dev.minmemory.server.store.lucene;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.jboss.logging.Logger;

import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.store.RecordedLayout;

/**
 * Gives a store whose postings another keyword analysis made the postings of the writer's analysis: every document is
 * added again from its stored record and vector. The new analysis is recorded in the same commit that holds the
 * rebuilt documents, so a rebuild that stops half-way starts over at the next open.
 */
final class KeywordRebuild {

    private static final int PROGRESS_EVERY = 10_000;
    private static final Logger LOG = Logger.getLogger(KeywordRebuild.class);

    private KeywordRebuild() {
    }

    /** Rebuilds and commits; returns the layout now recorded. */
    static IndexLayout run(IndexWriter writer, IndexLayout recorded, String analysis) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = searcher.storedFields();
            List<Integer> docs = IndexReads.matchingDocs(searcher, new MatchAllDocsQuery());
            LOG.infof("Rebuilding the keyword index of %d memories: it was made by the %s analysis, this version"
                    + " uses %s", docs.size(), recorded.keywordAnalysis(), analysis);
            int done = 0;
            for (int doc : docs) {
                Memory memory = IndexReads.source(stored, doc);
                writer.updateDocument(new Term(MemoryDocument.ID, memory.id()),
                        MemoryDocument.of(memory, IndexReads.vectorOf(searcher, doc)));
                if (++done % PROGRESS_EVERY == 0) {
                    LOG.infof("Rebuilt the keyword index of %d of %d memories", done, docs.size());
                }
            }
        }
        IndexLayout rebuilt = recorded.withKeywordAnalysis(analysis);
        writer.setLiveCommitData(RecordedLayout.entries(rebuilt).entrySet());
        writer.commit();
        LOG.infof("Keyword index rebuilt with the %s analysis", analysis);
        return rebuilt;
    }
}
