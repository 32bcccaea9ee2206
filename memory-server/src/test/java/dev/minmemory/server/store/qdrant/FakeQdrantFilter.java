package dev.minmemory.server.store.qdrant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.Timestamp;

import io.grpc.Status;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;

/**
 * TEST FIXTURE. Qdrant's filter semantics as its documentation (Concepts › Filtering) states them, for
 * {@link FakeQdrant}:
 * <ul>
 * <li>{@code must}: every condition holds (AND); {@code should}: if present, at least one holds (OR);
 * {@code must_not}: none holds (NOT); {@code min_should}: at least {@code min_count} of its conditions hold. An empty
 * filter matches every point. A condition may itself be a filter (nested clauses).</li>
 * <li>{@code match} on an array payload matches if any element matches; {@code keyword}, {@code integer},
 * {@code boolean} compare exactly; {@code any} (keywords/integers) matches a stored value among the given ones;
 * {@code except} matches a stored value that is none of the given ones (for an array: at least one element is none
 * of them; a missing field has no stored value and does not match).</li>
 * <li>{@code range} ({@code gt, gte, lt, lte}) on numbers, any array element; {@code datetime_range} the same on
 * RFC 3339 strings, compared as instants (a string that is no datetime does not match).</li>
 * <li>{@code is_empty}: the field is missing, {@code null} or {@code []}; {@code is_null}: the field exists and is
 * {@code null}.</li>
 * <li>{@code has_id}: the point's id is one of the given ones.</li>
 * </ul>
 * Conditions the server does not use (geo, text, values_count, nested objects, has_vector) answer
 * UNIMPLEMENTED rather than guess.
 */
final class FakeQdrantFilter {

    private FakeQdrantFilter() {
    }

    static boolean matches(Filter filter, PointId id, Map<String, Value> payload) {
        for (Condition condition : filter.getMustList()) {
            if (!holds(condition, id, payload)) {
                return false;
            }
        }
        for (Condition condition : filter.getMustNotList()) {
            if (holds(condition, id, payload)) {
                return false;
            }
        }
        if (filter.getShouldCount() > 0
                && filter.getShouldList().stream().noneMatch(condition -> holds(condition, id, payload))) {
            return false;
        }
        if (filter.hasMinShould()) {
            long holding = filter.getMinShould().getConditionsList().stream()
                    .filter(condition -> holds(condition, id, payload)).count();
            return holding >= filter.getMinShould().getMinCount();
        }
        return true;
    }

    private static boolean holds(Condition condition, PointId id, Map<String, Value> payload) {
        return switch (condition.getConditionOneOfCase()) {
            case FIELD -> field(condition.getField(), payload);
            case IS_EMPTY -> isEmpty(payload.get(condition.getIsEmpty().getKey()));
            case IS_NULL -> isNull(payload.get(condition.getIsNull().getKey()));
            case HAS_ID -> condition.getHasId().getHasIdList().contains(id);
            case FILTER -> matches(condition.getFilter(), id, payload);
            default -> throw unimplemented("condition " + condition.getConditionOneOfCase());
        };
    }

    private static boolean field(FieldCondition condition, Map<String, Value> payload) {
        Value stored = payload.get(condition.getKey());
        if (condition.hasIsEmpty()) {
            return isEmpty(stored) == condition.getIsEmpty();
        }
        if (condition.hasIsNull()) {
            return isNull(stored) == condition.getIsNull();
        }
        List<Value> values = values(stored);
        if (condition.hasMatch()) {
            return match(condition.getMatch(), values);
        }
        if (condition.hasRange()) {
            Range range = condition.getRange();
            return values.stream().filter(v -> v.hasDoubleValue() || v.hasIntegerValue()).anyMatch(v -> {
                double x = v.hasDoubleValue() ? v.getDoubleValue() : v.getIntegerValue();
                return (!range.hasGt() || x > range.getGt()) && (!range.hasGte() || x >= range.getGte())
                        && (!range.hasLt() || x < range.getLt()) && (!range.hasLte() || x <= range.getLte());
            });
        }
        if (condition.hasDatetimeRange()) {
            DatetimeRange range = condition.getDatetimeRange();
            return values.stream().filter(Value::hasStringValue).map(v -> instant(v.getStringValue()))
                    .filter(x -> x != null).anyMatch(x -> (!range.hasGt() || x.isAfter(instant(range.getGt())))
                            && (!range.hasGte() || !x.isBefore(instant(range.getGte())))
                            && (!range.hasLt() || x.isBefore(instant(range.getLt())))
                            && (!range.hasLte() || !x.isAfter(instant(range.getLte()))));
        }
        throw unimplemented("field condition on " + condition.getKey() + " without match or range");
    }

    private static boolean match(Match match, List<Value> values) {
        return switch (match.getMatchValueCase()) {
            case KEYWORD ->
                values.stream().anyMatch(v -> v.hasStringValue() && v.getStringValue().equals(match.getKeyword()));
            case INTEGER ->
                values.stream().anyMatch(v -> v.hasIntegerValue() && v.getIntegerValue() == match.getInteger());
            case BOOLEAN -> values.stream().anyMatch(v -> v.hasBoolValue() && v.getBoolValue() == match.getBoolean());
            case KEYWORDS -> {
                Set<String> any = Set.copyOf(match.getKeywords().getStringsList());
                yield values.stream().anyMatch(v -> v.hasStringValue() && any.contains(v.getStringValue()));
            }
            case INTEGERS -> {
                Set<Long> any = Set.copyOf(match.getIntegers().getIntegersList());
                yield values.stream().anyMatch(v -> v.hasIntegerValue() && any.contains(v.getIntegerValue()));
            }
            case EXCEPT_KEYWORDS -> {
                Set<String> except = Set.copyOf(match.getExceptKeywords().getStringsList());
                yield values.stream().anyMatch(v -> !(v.hasStringValue() && except.contains(v.getStringValue())));
            }
            case EXCEPT_INTEGERS -> {
                Set<Long> except = Set.copyOf(match.getExceptIntegers().getIntegersList());
                yield values.stream().anyMatch(v -> !(v.hasIntegerValue() && except.contains(v.getIntegerValue())));
            }
            default -> throw unimplemented("match " + match.getMatchValueCase());
        };
    }

    /** The stored values a condition looks at: the elements of an array, a single value, or none. */
    private static List<Value> values(Value stored) {
        List<Value> values = new ArrayList<>();
        if (stored == null || stored.hasNullValue()) {
            return values;
        }
        if (stored.hasListValue()) {
            stored.getListValue().getValuesList().stream().filter(v -> !v.hasNullValue()).forEach(values::add);
        } else {
            values.add(stored);
        }
        return values;
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static boolean isEmpty(Value stored) {
        return stored == null || stored.hasNullValue()
                || stored.hasListValue() && stored.getListValue().getValuesCount() == 0;
    }

    private static boolean isNull(Value stored) {
        return stored != null && stored.hasNullValue();
    }

    private static RuntimeException unimplemented(String what) {
        return Status.UNIMPLEMENTED.withDescription("FakeQdrant does not implement " + what).asRuntimeException();
    }
}
