package dev.minmemory.server.store.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;

import dev.minmemory.server.store.RecordFields;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;

/** Test assertions over the requests {@link FakeQdrant} recorded: the isolation guarantee, request by request. */
public final class QdrantRequests {

    private QdrantRequests() {
    }

    /**
     * Every point request carries the user's filter: a top-level {@code must: user = <user>} on scrolls, on each query
     * of a query batch, as {@code update_filter} of upserts, whose points all belong to the user.
     */
    public static void assertEveryRequestCarriesTheUsersFilter(List<FakeQdrant.Recorded> requests, String user) {
        assertThat(requests).as("requests made for " + user).isNotEmpty();
        Condition owner = QdrantFilters.keyword(RecordFields.USER, user);
        for (FakeQdrant.Recorded recorded : requests) {
            String what = recorded.method() + " " + recorded.request();
            if (recorded.request() instanceof ScrollPoints scroll) {
                assertOwned(scroll.getFilter(), owner, what);
            } else if (recorded.request() instanceof QueryBatchPoints batch) {
                assertThat(batch.getQueryPointsList()).as(what).isNotEmpty();
                for (QueryPoints query : batch.getQueryPointsList()) {
                    assertOwned(query.getFilter(), owner, what);
                }
            } else if (recorded.request() instanceof UpsertPoints upsert) {
                assertOwned(upsert.getUpdateFilter(), owner, what);
                for (PointStruct point : upsert.getPointsList()) {
                    assertThat(point.getPayloadMap().get(RecordFields.USER).getStringValue()).as(what).isEqualTo(user);
                }
            } else {
                fail("A request made for a user that carries no user filter: " + what);
            }
        }
    }

    private static void assertOwned(Filter filter, Condition owner, String what) {
        assertThat(filter.getMustList()).as("must conditions of " + what).contains(owner);
    }
}
