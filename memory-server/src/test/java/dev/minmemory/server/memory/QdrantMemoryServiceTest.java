package dev.minmemory.server.memory;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.minmemory.server.store.qdrant.FakeQdrant;
import dev.minmemory.server.store.qdrant.QdrantMemoryStore;
import dev.minmemory.server.store.qdrant.QdrantRequests;
import dev.minmemory.server.store.qdrant.QdrantSettings;
import dev.minmemory.server.testing.Layouts;

/** The memory domain on Qdrant, served by the in-process fake; plus isolation checked request by request. */
class QdrantMemoryServiceTest extends MemoryServiceContract {

    private static FakeQdrant qdrant;

    @BeforeAll
    static void startQdrant() {
        qdrant = FakeQdrant.start();
    }

    @AfterAll
    static void stopQdrant() {
        qdrant.close();
    }

    @Override
    protected MemoryStore openStore() {
        return QdrantMemoryStore.connect(QdrantSettings.of(qdrant.url(), "memories-" + UUID.randomUUID()),
                Layouts.NEW_STORE);
    }

    @Override
    protected void closeStore(MemoryStore current) {
        ((QdrantMemoryStore) current).close();
    }

    @Test
    void everyRequestTheServiceMakesForAUserCarriesThatUsersFilter() {
        store("bob", "Bob deploys on Fridays", Scope.GLOBAL, null, null);
        qdrant.clearRequests();

        String rule = store("alice", "Every endpoint must validate its input", Scope.PROJECT, "shop", null).id();
        String example = store("alice", "The orders endpoint rejects negative quantities", Scope.TASK, "shop", "t1")
                .id();
        service.link("alice", example, rule, RelationType.EXAMPLE_OF);
        service.retrieve("alice", request("endpoint validation", null, "shop", "t1"));
        service.search("alice", "deploys", 10);
        service.fetch("alice", rule);
        service.update("alice", example, new MemoryChanges(null, null, null, "orders", null, null, List.of("api"),
                null, null));
        service.entities("alice", MemoryFilter.ALL, null, 10);
        service.searchEntities("alice", "order", null, 5);
        service.setProject("alice", "blog");
        service.delete("alice", example);

        QdrantRequests.assertEveryRequestCarriesTheUsersFilter(qdrant.requests(), "alice");
    }
}
