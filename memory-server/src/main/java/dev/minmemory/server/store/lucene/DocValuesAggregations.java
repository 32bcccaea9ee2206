package dev.minmemory.server.store.lucene;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import dev.minmemory.server.memory.EntityUsage;
import dev.minmemory.server.memory.EntityUsageTally;
import dev.minmemory.server.memory.MemoryStats;
import dev.minmemory.server.memory.MemoryStatsTally;
import dev.minmemory.server.store.StoredValues;

/** Entity usage and counts over every matching document, from doc values: no record is loaded, nothing capped. */
final class DocValuesAggregations {

    private DocValuesAggregations() {
    }

    static List<EntityUsage> entities(IndexSearcher searcher, Query filter) throws IOException {
        EntityUsageTally tally = new EntityUsageTally();
        searcher.search(filter, new DocValuesCollector() {
            @Override
            void collect(SortedDocValues entity, SortedDocValues type, NumericDocValues created,
                    NumericDocValues updated) throws IOException {
                tally.add(entity.lookupOrd(entity.ordValue()).utf8ToString(), created.longValue(),
                        updated.longValue());
            }
        });
        return tally.usages();
    }

    static MemoryStats stats(IndexSearcher searcher, Query filter) throws IOException {
        MemoryStatsTally tally = new MemoryStatsTally();
        searcher.search(filter, new DocValuesCollector() {
            @Override
            void collect(SortedDocValues entity, SortedDocValues type, NumericDocValues created,
                    NumericDocValues updated) throws IOException {
                tally.add(StoredValues.memoryType(type.lookupOrd(type.ordValue()).utf8ToString()),
                        updated.longValue());
            }
        });
        return tally.stats();
    }

    /** Visits every matching document with its entity, type and timestamps read from doc values. */
    private abstract static class DocValuesCollector extends SimpleCollector {
        private SortedDocValues entity;
        private SortedDocValues type;
        private NumericDocValues created;
        private NumericDocValues updated;

        abstract void collect(SortedDocValues entity, SortedDocValues type, NumericDocValues created,
                NumericDocValues updated) throws IOException;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            entity = context.reader().getSortedDocValues(MemoryDocument.ENTITY);
            type = context.reader().getSortedDocValues(MemoryDocument.MEMORY_TYPE);
            created = context.reader().getNumericDocValues(MemoryDocument.CREATED_AT);
            updated = context.reader().getNumericDocValues(MemoryDocument.UPDATED_AT);
        }

        @Override
        public void collect(int doc) throws IOException {
            entity.advanceExact(doc);
            type.advanceExact(doc);
            created.advanceExact(doc);
            updated.advanceExact(doc);
            collect(entity, type, created, updated);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
