package dev.minmemory.server.store.qdrant;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.google.protobuf.Timestamp;

import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.ScopeFilter;
import dev.minmemory.server.store.RecordFields;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;

/**
 * The Qdrant filters every read of one user runs under: the same selections as the embedded store's
 * {@code FilterQueries}. Each starts with {@code must: user = <user>}.
 */
final class QdrantFilters {

    private QdrantFilters() {
    }

    /** The user's live memories matching the filter. */
    static Filter liveMemories(String user, MemoryFilter filter) {
        Filter.Builder query = ownedBy(user).toBuilder().addMust(flag(RecordFields.DELETED, false));
        if (!filter.scopes().isEmpty()) {
            Filter.Builder anyScope = Filter.newBuilder();
            filter.scopes().forEach(scope -> anyScope.addShould(nested(scopeFilter(scope))));
            query.addMust(nested(anyScope.build()));
        }
        if (!filter.memoryTypes().isEmpty()) {
            query.addMust(anyOf(RecordFields.MEMORY_TYPE,
                    filter.memoryTypes().stream().map(MemoryType::wireName).sorted().toList()));
        }
        if (filter.status() != null) {
            query.addMust(keyword(RecordFields.STATUS, filter.status()));
        }
        if (filter.createdAfter() != null || filter.createdBefore() != null) {
            DatetimeRange.Builder range = DatetimeRange.newBuilder();
            if (filter.createdAfter() != null) {
                range.setGte(timestamp(filter.createdAfter()));
            }
            if (filter.createdBefore() != null) {
                range.setLt(timestamp(filter.createdBefore()));
            }
            query.addMust(ConditionFactory.datetimeRange(RecordFields.CREATED_AT, range.build()));
        }
        if (filter.excludeSuperseded()) {
            query.addMust(ConditionFactory.isEmpty(RecordFields.SUPERSEDED_BY));
        }
        return query.build();
    }

    /** One memory by id, whatever its state, if the user owns it. */
    static Filter byId(String user, String id) {
        return ownedBy(user).toBuilder()
                .addMust(ConditionFactory.hasId(pointId(id)))
                .build();
    }

    /** Live memories of the user whose links point at the given id. */
    static Filter linkingTo(String user, String id) {
        return ownedBy(user).toBuilder().addMust(flag(RecordFields.DELETED, false))
                .addMust(keyword(RecordFields.RELATED_TO, id)).build();
    }

    static Filter ownedBy(String user) {
        return Filter.newBuilder().addMust(keyword(RecordFields.USER, user)).build();
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
        Filter.Builder filter = Filter.newBuilder().addMust(keyword(RecordFields.SCOPE, scope.scope().wireName()));
        if (scope.project() != null) {
            filter.addMust(keyword(RecordFields.PROJECT, scope.project()));
        }
        if (scope.taskId() != null) {
            filter.addMust(keyword(RecordFields.TASK_ID, scope.taskId()));
        }
        return filter.build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static Condition nested(Filter filter) {
        return ConditionFactory.filter(filter);
    }

    static Condition keyword(String key, String value) {
        return ConditionFactory.matchKeyword(key, value);
    }

    private static Condition anyOf(String key, List<String> values) {
        return ConditionFactory.matchKeywords(key, values);
    }

    private static Condition flag(String key, boolean value) {
        return ConditionFactory.match(key, value);
    }
}
