package dev.minmemory.server.store.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;

import io.qdrant.client.ConditionFactory;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.HasIdCondition;
import io.qdrant.client.grpc.Common.IsEmptyCondition;
import io.qdrant.client.grpc.Common.IsNullCondition;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.MinShould;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Common.RepeatedStrings;
import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.NullValue;
import io.qdrant.client.grpc.JsonWithInt.Value;

/**
 * The fixture's filters against the examples of Qdrant's documentation (Concepts › Filtering): the six points with a
 * city and a colour, and the examples of match any / except, is_empty, is_null, range, datetime_range and has_id.
 */
class FakeQdrantFilterTest {

    /** The documentation's example points. */
    private static final Map<Long, Map<String, Value>> CITIES = new LinkedHashMap<>();

    static {
        city(1, "London", "green");
        city(2, "London", "red");
        city(3, "London", "blue");
        city(4, "Berlin", "red");
        city(5, "Moscow", "green");
        city(6, "Moscow", "blue");
    }

    @Test
    void mustIsAnAnd() {
        assertThat(matching(Filter.newBuilder().addMust(is("city", "London")).addMust(is("color", "red")).build()))
                .containsExactly(2L);
    }

    @Test
    void shouldIsAnOr() {
        assertThat(matching(Filter.newBuilder().addShould(is("city", "London")).addShould(is("color", "red")).build()))
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void mustNotExcludesEveryPointMatchingAnyOfItsConditions() {
        assertThat(
                matching(Filter.newBuilder().addMustNot(is("city", "London")).addMustNot(is("color", "red")).build()))
                .containsExactly(5L, 6L);
    }

    @Test
    void clausesCombine() {
        assertThat(matching(Filter.newBuilder().addMust(is("city", "London")).addMustNot(is("color", "red")).build()))
                .containsExactly(1L, 3L);
    }

    @Test
    void aNestedFilterIsOneCondition() {
        Filter londonAndRed = Filter.newBuilder().addMust(is("city", "London")).addMust(is("color", "red")).build();

        assertThat(matching(Filter.newBuilder().addMustNot(Condition.newBuilder().setFilter(londonAndRed)).build()))
                .containsExactly(1L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aNestedMustInsideShouldExpressesADisjunctionOfConjunctions() {
        Filter londonGreen = Filter.newBuilder().addMust(is("city", "London")).addMust(is("color", "green")).build();
        Filter moscowBlue = Filter.newBuilder().addMust(is("city", "Moscow")).addMust(is("color", "blue")).build();

        assertThat(matching(Filter.newBuilder().addShould(Condition.newBuilder().setFilter(londonGreen))
                .addShould(Condition.newBuilder().setFilter(moscowBlue)).build())).containsExactly(1L, 6L);
    }

    @Test
    void minShouldNeedsThatManyConditions() {
        Filter twoOfThree = Filter.newBuilder().setMinShould(MinShould.newBuilder().setMinCount(2)
                .addConditions(is("city", "London")).addConditions(is("color", "red"))
                .addConditions(is("color", "green"))).build();

        assertThat(matching(twoOfThree)).containsExactly(1L, 2L);
    }

    @Test
    void anEmptyFilterMatchesEverything() {
        assertThat(matching(Filter.getDefaultInstance())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void matchAnyHoldsWhenOneStoredValueIsAmongTheGivenOnes() {
        Condition anyBlackOrYellow = field("color", Match.newBuilder()
                .setKeywords(RepeatedStrings.newBuilder().addStrings("black").addStrings("yellow")).build());

        assertThat(holds(anyBlackOrYellow, Map.of("color", text("black")))).isTrue();
        assertThat(holds(anyBlackOrYellow, Map.of("color", list(text("black"), text("green"))))).isTrue();
        assertThat(holds(anyBlackOrYellow, Map.of("color", text("green")))).isFalse();
        assertThat(holds(anyBlackOrYellow, Map.of())).isFalse();
    }

    @Test
    void matchExceptHoldsWhenOneStoredValueIsNoneOfTheGivenOnes() {
        Condition exceptBlackOrYellow = field("color", Match.newBuilder()
                .setExceptKeywords(RepeatedStrings.newBuilder().addStrings("black").addStrings("yellow")).build());

        assertThat(holds(exceptBlackOrYellow, Map.of("color", text("green")))).isTrue();
        assertThat(holds(exceptBlackOrYellow, Map.of("color", list(text("black"), text("green"))))).isTrue();
        assertThat(holds(exceptBlackOrYellow, Map.of("color", list(text("black"), text("yellow"))))).isFalse();
        assertThat(holds(exceptBlackOrYellow, Map.of("color", text("black")))).isFalse();
    }

    @Test
    void aKeywordMatchOnAnArrayHoldsWhenAnyElementMatches() {
        assertThat(holds(is("tags", "b"), Map.of("tags", list(text("a"), text("b"))))).isTrue();
        assertThat(holds(is("tags", "c"), Map.of("tags", list(text("a"), text("b"))))).isFalse();
    }

    @Test
    void isEmptyHoldsForAMissingFieldNullAndAnEmptyArray() {
        Condition reportsEmpty =
                Condition.newBuilder().setIsEmpty(IsEmptyCondition.newBuilder().setKey("reports")).build();

        assertThat(holds(reportsEmpty, Map.of())).isTrue();
        assertThat(holds(reportsEmpty, Map.of("reports", nul()))).isTrue();
        assertThat(holds(reportsEmpty, Map.of("reports", list()))).isTrue();
        assertThat(holds(reportsEmpty, Map.of("reports", list(text("r1"))))).isFalse();
    }

    @Test
    void isNullHoldsOnlyForAFieldThatExistsAndIsNull() {
        Condition reportsNull =
                Condition.newBuilder().setIsNull(IsNullCondition.newBuilder().setKey("reports")).build();

        assertThat(holds(reportsNull, Map.of("reports", nul()))).isTrue();
        assertThat(holds(reportsNull, Map.of())).isFalse();
        assertThat(holds(reportsNull, Map.of("reports", list()))).isFalse();
    }

    @Test
    void rangeBoundsAreInclusiveOrExclusiveAsGiven() {
        Condition price = Condition.newBuilder().setField(FieldCondition.newBuilder().setKey("price")
                .setRange(Range.newBuilder().setGte(100.0).setLt(450.0))).build();

        assertThat(holds(price, Map.of("price", Value.newBuilder().setDoubleValue(100.0).build()))).isTrue();
        assertThat(holds(price, Map.of("price", Value.newBuilder().setIntegerValue(449).build()))).isTrue();
        assertThat(holds(price, Map.of("price", Value.newBuilder().setDoubleValue(450.0).build()))).isFalse();
        assertThat(holds(price, Map.of())).isFalse();
    }

    @Test
    void aDatetimeRangeComparesRfc3339StringsAsInstants() {
        Map<String, Value> payload = Map.of("created_at", text("2026-11-25T14:30:00.000Z"));
        Timestamp before = Timestamp.newBuilder().setSeconds(Instant.parse("2026-11-25T14:30:00Z").getEpochSecond())
                .build();

        assertThat(holds(ConditionFactory.datetimeRange("created_at", DatetimeRange.newBuilder().setGte(before)
                .build()), payload)).isTrue();
        assertThat(holds(ConditionFactory.datetimeRange("created_at", DatetimeRange.newBuilder().setLt(before)
                .build()), payload)).isFalse();
        assertThat(holds(ConditionFactory.datetimeRange("created_at", DatetimeRange.newBuilder().setGte(before)
                .build()), Map.of("created_at", text("not a date")))).isFalse();
    }

    @Test
    void hasIdSelectsPointsByTheirIds() {
        HasIdCondition.Builder ids = HasIdCondition.newBuilder();
        for (long id : new long[] { 1, 3, 5, 7, 9, 11 }) {
            ids.addHasId(PointId.newBuilder().setNum(id));
        }

        assertThat(matching(Filter.newBuilder().addMust(Condition.newBuilder().setHasId(ids)).build()))
                .containsExactly(1L, 3L, 5L);
    }

    @Test
    void aBooleanMatchComparesExactly() {
        Condition live = field("deleted", Match.newBuilder().setBoolean(false).build());

        assertThat(holds(live, Map.of("deleted", Value.newBuilder().setBoolValue(false).build()))).isTrue();
        assertThat(holds(live, Map.of("deleted", Value.newBuilder().setBoolValue(true).build()))).isFalse();
        assertThat(holds(live, Map.of())).isFalse();
    }

    private static List<Long> matching(Filter filter) {
        return CITIES.entrySet().stream()
                .filter(e -> FakeQdrantFilter.matches(filter, PointId.newBuilder().setNum(e.getKey()).build(),
                        e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    private static boolean holds(Condition condition, Map<String, Value> payload) {
        return FakeQdrantFilter.matches(Filter.newBuilder().addMust(condition).build(),
                PointId.newBuilder().setNum(99).build(), payload);
    }

    private static void city(long id, String city, String color) {
        CITIES.put(id, Map.of("city", text(city), "color", text(color)));
    }

    private static Condition is(String key, String value) {
        return field(key, Match.newBuilder().setKeyword(value).build());
    }

    private static Condition field(String key, Match match) {
        return Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(key).setMatch(match)).build();
    }

    private static Value text(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }

    private static Value nul() {
        return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }

    private static Value list(Value... values) {
        return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(List.of(values))).build();
    }
}
