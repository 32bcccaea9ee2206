package dev.minmemory.server.store.lucene;

import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.ScopeFilter;

/** Turns a user and a {@link MemoryFilter} into the Lucene filter every read of that user runs under. */
final class FilterQueries {

    private FilterQueries() {
    }

    /** The user's live memories matching the filter. Every query of the store starts from this. */
    static Query liveMemories(String user, MemoryFilter filter) {
        BooleanQuery.Builder query = ownedBy(user);
        query.add(term(MemoryDocument.DELETED, "false"), Occur.FILTER);
        if (!filter.scopes().isEmpty()) {
            BooleanQuery.Builder anyScope = new BooleanQuery.Builder();
            filter.scopes().forEach(scope -> anyScope.add(scopeQuery(scope), Occur.SHOULD));
            query.add(anyScope.build(), Occur.FILTER);
        }
        if (!filter.memoryTypes().isEmpty()) {
            BooleanQuery.Builder anyType = new BooleanQuery.Builder();
            for (MemoryType type : filter.memoryTypes()) {
                anyType.add(term(MemoryDocument.MEMORY_TYPE, type.wireName()), Occur.SHOULD);
            }
            query.add(anyType.build(), Occur.FILTER);
        }
        if (filter.status() != null) {
            query.add(term(MemoryDocument.STATUS, filter.status()), Occur.FILTER);
        }
        if (filter.createdAfter() != null || filter.createdBefore() != null) {
            // Doc values, which every document has had from the start: a point field would miss older documents.
            query.add(NumericDocValuesField.newSlowRangeQuery(MemoryDocument.CREATED_AT,
                    filter.createdAfter() == null ? Long.MIN_VALUE : filter.createdAfter().toEpochMilli(),
                    filter.createdBefore() == null ? Long.MAX_VALUE : filter.createdBefore().toEpochMilli() - 1),
                    Occur.FILTER);
        }
        if (filter.excludeSuperseded()) {
            query.add(term(MemoryDocument.SUPERSEDED, "true"), Occur.MUST_NOT);
        }
        return query.build();
    }

    /** One memory by id, whatever its state, if the user owns it. */
    static Query byId(String user, String id) {
        BooleanQuery.Builder query = ownedBy(user);
        query.add(term(MemoryDocument.ID, id), Occur.FILTER);
        return query.build();
    }

    /** Live memories of the user whose links point at the given id. */
    static Query linkingTo(String user, String id) {
        BooleanQuery.Builder query = ownedBy(user);
        query.add(term(MemoryDocument.DELETED, "false"), Occur.FILTER);
        query.add(term(MemoryDocument.RELATED_TO, id), Occur.FILTER);
        return query.build();
    }

    private static BooleanQuery.Builder ownedBy(String user) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(term(MemoryDocument.USER, user), Occur.FILTER);
        return query;
    }

    private static Query scopeQuery(ScopeFilter scope) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(term(MemoryDocument.SCOPE, scope.scope().wireName()), Occur.FILTER);
        if (scope.project() != null) {
            query.add(term(MemoryDocument.PROJECT, scope.project()), Occur.FILTER);
        }
        if (scope.taskId() != null) {
            query.add(term(MemoryDocument.TASK_ID, scope.taskId()), Occur.FILTER);
        }
        return query.build();
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}
