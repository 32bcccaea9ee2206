package dev.minmemory.server.store.qdrant;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.ScopeFilter;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.HasIdCondition;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.RepeatedStrings;

/**
 * The Qdrant filters every read of one user runs under: the same selections as the embedded store's
 * {@code FilterQueries}. Each starts with {@code must: user = <user>}.
 */
final class QdrantFilters {

    static final String USER = "user";
    static final String SCOPE = "scope";
    static final String MEMORY_TYPE = "memory_type";
    static final String PROJECT = "project";
    static final String TASK_ID = "task_id";
    static final String STATUS = "status";
    static final String DELETED = "deleted";
    static final String RELATED_TO = "related_to";
    static final String TAGS = "tags";
    static final String ENTITY = "entity";

    private QdrantFilters() {
    }

    /** The user's live memories matching the filter. */
    static Filter liveMemories(String user, MemoryFilter filter) {
        Filter.Builder query = ownedBy(user).toBuilder().addMust(flag(DELETED, false));
        if (!filter.scopes().isEmpty()) {
            Filter.Builder anyScope = Filter.newBuilder();
            filter.scopes().forEach(scope -> anyScope.addShould(nested(scopeFilter(scope))));
            query.addMust(nested(anyScope.build()));
        }
        if (!filter.memoryTypes().isEmpty()) {
            query.addMust(anyOf(MEMORY_TYPE, filter.memoryTypes().stream().map(MemoryType::wireName).sorted().toList()));
        }
        if (filter.status() != null) {
            query.addMust(keyword(STATUS, filter.status()));
        }
        return query.build();
    }

    /** One memory by id, whatever its state, if the user owns it. */
    static Filter byId(String user, String id) {
        return ownedBy(user).toBuilder()
                .addMust(Condition.newBuilder().setHasId(HasIdCondition.newBuilder().addHasId(pointId(id))))
                .build();
    }

    /** Live memories of the user whose links point at the given id. */
    static Filter linkingTo(String user, String id) {
        return ownedBy(user).toBuilder().addMust(flag(DELETED, false)).addMust(keyword(RELATED_TO, id)).build();
    }

    static Filter ownedBy(String user) {
        return Filter.newBuilder().addMust(keyword(USER, user)).build();
    }

    /**
     * The point id of a memory: its UUID. Ids that are not UUIDs (none that this server creates) map to a name-based
     * UUID; the record in the payload keeps the id as it was.
     */
    static PointId pointId(String id) {
        String uuid;
        try {
            uuid = UUID.fromString(id).toString().equals(id) ? id : nameBased(id);
        } catch (IllegalArgumentException e) {
            uuid = nameBased(id);
        }
        return PointId.newBuilder().setUuid(uuid).build();
    }

    private static String nameBased(String id) {
        return UUID.nameUUIDFromBytes(("min-memory:" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Filter scopeFilter(ScopeFilter scope) {
        Filter.Builder filter = Filter.newBuilder().addMust(keyword(SCOPE, scope.scope().wireName()));
        if (scope.project() != null) {
            filter.addMust(keyword(PROJECT, scope.project()));
        }
        if (scope.taskId() != null) {
            filter.addMust(keyword(TASK_ID, scope.taskId()));
        }
        return filter.build();
    }

    private static Condition nested(Filter filter) {
        return Condition.newBuilder().setFilter(filter).build();
    }

    static Condition keyword(String key, String value) {
        return field(key, Match.newBuilder().setKeyword(value).build());
    }

    private static Condition anyOf(String key, Iterable<String> values) {
        return field(key, Match.newBuilder().setKeywords(RepeatedStrings.newBuilder().addAllStrings(values)).build());
    }

    private static Condition flag(String key, boolean value) {
        return field(key, Match.newBuilder().setBoolean(value).build());
    }

    private static Condition field(String key, Match match) {
        return Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(key).setMatch(match)).build();
    }
}
