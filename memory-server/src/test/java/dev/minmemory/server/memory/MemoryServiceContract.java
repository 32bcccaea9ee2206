package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory domain on its real parts, the int8 bge model and a real store: every tool's behaviour (isolation,
 * duplicates, hierarchy, hybrid ranking, links, soft delete, updates, entity pages, concurrency), run once per store
 * by one subclass each.
 */
public abstract class MemoryServiceContract {

    @TempDir
    protected Path dataDir;
    protected MemoryStore store;
    protected MemoryService service;
    private final Embedder embedder = TestModel.embedder();

    /** A store over fresh, empty storage. */
    protected abstract MemoryStore openStore();

    protected abstract void closeStore(MemoryStore current);

    @BeforeEach
    void openServiceOnAFreshStore() {
        store = openStore();
        service = new MemoryService(store, embedder, new MemoryConfig() {
            @Override
            public Path dataDir() {
                return dataDir;
            }

            @Override
            public double duplicateThreshold() {
                return 0.97;
            }

            @Override
            public EmbeddingScheme embeddingScheme() {
                return EmbeddingScheme.ENTITY_TEXT;
            }

            @Override
            public Search search() {
                return () -> 0.6;
            }
        }, Clock.systemUTC());
    }

    @AfterEach
    void closeTheStore() {
        closeStore(store);
    }

    @Test
    void storingTheSameTextTwiceInTheSameScopeReturnsTheExistingMemoryAsADuplicate() {
        StoreResult first = store("u", "The user prefers tabs over spaces in Go code", Scope.GLOBAL, null, null);
        StoreResult second = store("u", "The user prefers tabs over spaces in Go code.", Scope.GLOBAL, null, null);

        assertThat(second.duplicate()).isTrue();
        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void theSameTextInAnotherProjectOrForAnotherUserIsNotADuplicate() {
        StoreResult a = store("u", "Deployments go out on Tuesdays", Scope.PROJECT, "shop", null);
        StoreResult b = store("u", "Deployments go out on Tuesdays", Scope.PROJECT, "blog", null);
        StoreResult c = store("v", "Deployments go out on Tuesdays", Scope.PROJECT, "shop", null);

        assertThat(List.of(a, b, c)).noneMatch(StoreResult::duplicate);
        assertThat(Set.of(a.id(), b.id(), c.id())).hasSize(3);
    }

    @Test
    void aRelatedButDifferentStatementIsStoredAsANewMemory() {
        store("u", "The user prefers tabs over spaces in Go code", Scope.GLOBAL, null, null);

        assertThat(store("u", "The user prefers two-space indentation in YAML files", Scope.GLOBAL, null, null)
                .duplicate()).isFalse();
    }

    @Test
    void projectAndTaskScopesRequireTheirContext() {
        assertThatThrownBy(() -> store("u", "x", Scope.PROJECT, null, null))
                .isInstanceOf(MemoryRequestException.class).hasMessageContaining("needs project");
        assertThatThrownBy(() -> store("u", "x", Scope.TASK, "p", null))
                .isInstanceOf(MemoryRequestException.class).hasMessageContaining("needs task_id");
        assertThatThrownBy(() -> store("u", "   ", Scope.GLOBAL, null, null))
                .isInstanceOf(MemoryRequestException.class).hasMessageContaining("text must not be empty");
    }

    @Test
    void aTagTheIndexWouldRefuseIsRefusedBeforeAnythingIsStoredAndTheStoreStaysUsable() {
        String immense = "x".repeat(40_000);
        assertThatThrownBy(() -> service.store("u",
                new NewMemory("The deploy script lives in ops/", MemoryType.EPISODIC,
                        Scope.GLOBAL, "deploy", null, null, null, null, List.of("ok", immense), null, null)))
                .isInstanceOf(MemoryRequestException.class)
                .hasMessageContaining("tags[1] is 40000 bytes long").hasMessageContaining("at most 256 bytes");
        StoreResult stored = store("u", "The deploy script lives in ops/", Scope.GLOBAL, null, null);
        assertThatThrownBy(() -> service.update("u", stored.id(), new MemoryChanges(null, null, null, null, null, null,
                List.of(immense), null, null))).isInstanceOf(MemoryRequestException.class)
                .hasMessageContaining("tags[0]");
        assertThatThrownBy(() -> service.update("u", stored.id(), new MemoryChanges(null, null, Scope.PROJECT, null,
                "é".repeat(600), null, null, null, null))).isInstanceOf(MemoryRequestException.class)
                .hasMessageContaining("project is 1200 bytes long");

        assertThat(service.fetch("u", stored.id()).memory().tags()).isEmpty();
    }

    @Test
    void aWhiteSpaceProjectOrTaskAndAnInvisibleTextAreRefused() {
        assertThatThrownBy(() -> store("u", "Deployments go out on Tuesdays", Scope.PROJECT, "  \t ", null))
                .isInstanceOf(MemoryRequestException.class).hasMessageContaining("project must not be empty");
        assertThatThrownBy(() -> store("u", "Deployments go out on Tuesdays", Scope.TASK, "shop", "\u3000"))
                .isInstanceOf(MemoryRequestException.class).hasMessageContaining("task_id must not be empty");
        assertThatThrownBy(() -> store("u", "\u200B\u200C\u200D\u2060\uFEFF", Scope.GLOBAL, null, null))
                .isInstanceOf(MemoryRequestException.class).hasMessageContaining("text must not be empty");
        assertThat(service.entities("u", MemoryFilter.ALL, null, 50).entities()).isEmpty();
    }

    @Test
    void aTaskRetrievalSearchesTheTaskItsProjectAndGlobalMemoriesButNoOtherProjectOrTask() {
        String global = store("u", "The user writes database migrations by hand", Scope.GLOBAL, null, null).id();
        String project = store("u", "The shop uses PostgreSQL 16 for orders", Scope.PROJECT, "shop", null).id();
        String task = store("u", "Migration 42 adds an index on orders.created_at", Scope.TASK, "shop", "t42").id();
        store("u", "The blog uses SQLite for comments", Scope.PROJECT, "blog", null);
        store("u", "Migration 43 drops the legacy orders table", Scope.TASK, "shop", "t43");

        List<RetrievedMemory> hits = service.retrieve("u", request("database migrations", null, "shop", "t42"));

        assertThat(ids(hits)).containsExactlyInAnyOrder(global, project, task);
    }

    @Test
    void aProjectRetrievalAddsGlobalMemoriesAndAnExplicitScopeRestricts() {
        String global = store("u", "The user likes concise answers", Scope.GLOBAL, null, null).id();
        String project = store("u", "The shop's API answers in JSON", Scope.PROJECT, "shop", null).id();

        assertThat(ids(service.retrieve("u", request("answers", null, "shop", null))))
                .containsExactlyInAnyOrder(global, project);
        assertThat(ids(service.retrieve("u", request("answers", Scope.PROJECT, "shop", null))))
                .containsExactly(project);
        assertThat(ids(service.retrieve("u", request("answers", Scope.GLOBAL, "shop", null))))
                .containsExactly(global);
        assertThatThrownBy(() -> service.retrieve("u", request("answers", null, null, "t1")))
                .isInstanceOf(MemoryRequestException.class).hasMessageContaining("task_id needs project");
    }

    @Test
    void anExactErrorCodeIsRetrievedFirstAmongSemanticallySimilarMemories() {
        for (String text : List.of("Checkout fails when the payment provider times out",
                "Checkout fails when the cart is empty", "Billing fails when the card is declined",
                "Billing fails when the invoice address is missing", "Checkout fails with a quota error sometimes")) {
            store("u", text, Scope.GLOBAL, null, null);
        }
        String code = store("u", "Billing fails with ERR_QUOTA_7731 when the plan expires", Scope.GLOBAL, null, null)
                .id();

        assertThat(service.retrieve("u", request("ERR_QUOTA_7731", null, null, null)).get(0).memory().id())
                .isEqualTo(code);
    }

    @Test
    void relatedMemoriesShowLiveLinksFromBothEnds() {
        String rule = store("u", "Every endpoint must validate its input", Scope.GLOBAL, null, null).id();
        String example = store("u", "The orders endpoint rejects negative quantities", Scope.GLOBAL, null, null).id();
        String gone = store("u", "The users endpoint trims names", Scope.GLOBAL, null, null).id();
        service.link("u", example, rule, RelationType.EXAMPLE_OF);
        service.link("u", gone, rule, RelationType.EXAMPLE_OF);
        service.delete("u", gone);

        RetrievedMemory fetchedRule = service.fetch("u", rule);
        RetrievedMemory fetchedExample = service.fetch("u", example);

        assertThat(fetchedRule.related()).singleElement().satisfies(link -> {
            assertThat(link.memory().id()).isEqualTo(example);
            assertThat(link.relation()).isEqualTo(RelationType.EXAMPLE_OF);
            assertThat(link.outgoing()).isFalse();
        });
        assertThat(fetchedExample.related()).singleElement().satisfies(link -> {
            assertThat(link.memory().id()).isEqualTo(rule);
            assertThat(link.outgoing()).isTrue();
        });
    }

    @Test
    void linkingToAMissingOrForeignMemoryIsRefusedExactlyLikeAMissingOne() {
        String mine = store("u", "Mine", Scope.GLOBAL, null, null).id();
        String theirs = store("v", "Theirs", Scope.GLOBAL, null, null).id();

        assertThatThrownBy(() -> service.link("u", mine, theirs, RelationType.SUPPORTS))
                .hasMessage(MemoryRequestException.notFound(theirs).getMessage());
        assertThatThrownBy(() -> service.link("v", mine, theirs, RelationType.SUPPORTS))
                .hasMessage(MemoryRequestException.notFound(mine).getMessage());
        assertThatThrownBy(() -> service.fetch("v", mine))
                .hasMessage(MemoryRequestException.notFound(mine).getMessage());
        assertThatThrownBy(() -> service.link("u", mine, mine, RelationType.SUPPORTS)).hasMessageContaining("itself");
    }

    @Test
    void relinkingWithAnotherTypeReplacesTheRelationAndReportsThePreviousOne() {
        String a = store("u", "A new caching decision", Scope.GLOBAL, null, null).id();
        String b = store("u", "An old caching decision", Scope.GLOBAL, null, null).id();

        assertThat(service.link("u", a, b, RelationType.REFINES)).isEmpty();
        assertThat(service.link("u", a, b, RelationType.SUPERSEDES)).contains(RelationType.REFINES);
        assertThat(service.fetch("u", a).memory().relationTypes()).isEqualTo(Map.of(b, RelationType.SUPERSEDES));
    }

    @Test
    void aDeletedMemoryDisappearsFromEveryReadPathAndDeletingAgainIsNoError() {
        String id = store("u", "The staging database password rotates monthly", Scope.PROJECT, "shop", null).id();

        assertThat(service.delete("u", id)).isTrue();
        assertThat(service.delete("u", id)).isFalse();

        assertThat(ids(service.retrieve("u", request("staging database password", null, "shop", null)))).isEmpty();
        assertThat(service.search("u", "staging database password", 10)).isEmpty();
        assertThatThrownBy(() -> service.fetch("u", id)).isInstanceOf(MemoryRequestException.class);
        assertThat(service.entities("u", MemoryFilter.ALL, null, 50).entities()).isEmpty();
        assertThat(service.projectStats("u", "shop").total()).isZero();
        assertThat(store.find("u", id)).get().satisfies(memory -> assertThat(memory.deletedAt()).isNotNull());
    }

    @Test
    void updatingTheTextMakesTheMemoryFindableByItsNewMeaning() {
        String id = store("u", "The team meets on Mondays", Scope.GLOBAL, null, null).id();
        store("u", "Lunch is at noon", Scope.GLOBAL, null, null);

        Memory updated = service.update("u", id, new MemoryChanges("Production runs on Kubernetes 1.31 in eu-west-1",
                null, null, "infrastructure", null, null, List.of("k8s"), null, null));

        assertThat(updated.entity()).isEqualTo("infrastructure");
        assertThat(service.retrieve("u", request("which Kubernetes version is production on", null, null, null))
                .get(0).memory().id()).isEqualTo(id);
        assertThatThrownBy(() -> service.update("u", id, new MemoryChanges(null, null, Scope.TASK, null, "p", null,
                null, null, null))).hasMessageContaining("needs task_id");
    }

    @Test
    void changingTheEntityReEmbedsTheMemoryWithItsNewEntity() {
        String id = store("u", "Prefers tabs over spaces (since 2023).", Scope.GLOBAL, null, null).id();

        service.update("u", id, new MemoryChanges(null, null, null, "Bob", null, null, null, null, null));

        assertThat(storedVector(id))
                .containsExactly(embedder.embedPassage("Bob: Prefers tabs over spaces."));
    }

    @Test
    void changingOnlyADateInTheTextKeepsTheVector() {
        String id = store("u", "Prefers tabs over spaces (since 2023).", Scope.GLOBAL, null, null).id();
        float[] before = storedVector(id);

        service.update("u", id, new MemoryChanges("Prefers tabs over spaces (since 2024).", null, null, null, null,
                null, null, null, null));

        assertThat(storedVector(id)).containsExactly(before);
    }

    private float[] storedVector(String id) {
        float[][] vector = new float[1][];
        ((BulkMemoryAccess) store).forEachMemory(stored -> {
            if (stored.memory().id().equals(id)) {
                vector[0] = stored.vector();
            }
        });
        return vector[0];
    }

    @Test
    void entityPagesCoverEveryEntityExactlyOnce() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            texts.add("Fact number " + i);
        }
        for (int i = 0; i < texts.size(); i++) {
            store.save(new Memory("id-" + i, "u", texts.get(i), MemoryType.EPISODIC, Scope.GLOBAL,
                    String.format("entity-%03d", i), null, null, null, null, null, "active", null,
                    Instant.EPOCH, Instant.EPOCH, false, null), embedder.embedPassage(texts.get(i)));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            EntityPage page = service.entities("u", MemoryFilter.ALL, cursor, 50);
            page.entities().stream().map(EntityUsage::entity).forEach(seen::add);
            assertThat(page.totalEntities()).isEqualTo(120);
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(120).doesNotHaveDuplicates().isSorted();
        assertThatThrownBy(() -> service.entities("u", MemoryFilter.ALL, "not base64!", 50))
                .hasMessageContaining("cursor");
        assertThatThrownBy(() -> service.entities("u", MemoryFilter.ALL, "bm90LWEtY3Vyc29y", 50))
                .hasMessageContaining("is not one this server gave out");
    }

    @Test
    void listingTheGlobalScopeWithAProjectListsTheGlobalEntitiesAsRetrievalSearchesTheGlobalMemories() {
        store("u", "The user prefers tabs over spaces in Go code", Scope.GLOBAL, null, null, "user");
        store("u", "The shop uses PostgreSQL 16 for orders", Scope.PROJECT, "shop", null, "postgres");
        store("u", "Migration 42 adds an index on orders.created_at", Scope.TASK, "shop", "t42", "migrations");

        assertThat(service.entities("u", MemoryFilter.forListing(Scope.GLOBAL, "shop", null), null, 50).entities())
                .extracting(EntityUsage::entity).containsExactly("user");
        assertThat(ids(service.retrieve("u", request("tabs or spaces", Scope.GLOBAL, "shop", null))))
                .hasSize(1);
        assertThat(service.entities("u", MemoryFilter.forListing(null, "shop", null), null, 50).entities())
                .extracting(EntityUsage::entity).containsExactly("migrations", "postgres");
        assertThat(service.entities("u", MemoryFilter.forListing(Scope.TASK, "shop", null), null, 50).entities())
                .extracting(EntityUsage::entity).containsExactly("migrations");
    }

    @Test
    void entitySearchFindsAbbreviationsAndVariantsOfAName() {
        store("u", "Clusters are upgraded quarterly", Scope.GLOBAL, null, null, "Kubernetes");
        store("u", "The operator reconciles every minute", Scope.GLOBAL, null, null, "kubernetes-operator");
        store("u", "Orders are kept for ten years", Scope.GLOBAL, null, null, "postgres");

        assertThat(service.searchEntities("u", "k8s", null, 5)).extracting(match -> match.usage().entity())
                .containsExactly("Kubernetes", "kubernetes-operator");
    }

    @Test
    void setProjectCreatesTheProjectOnceThenReportsItsCounts() {
        ProjectSummary created = service.setProject("u", "shop");
        store("u", "Prices include VAT", Scope.PROJECT, "shop", null);
        ProjectSummary existing = service.setProject("u", "shop");

        assertThat(created.created()).isTrue();
        assertThat(existing.created()).isFalse();
        assertThat(existing.stats().countsByType()).isEqualTo(Map.of(MemoryType.PROJECT_CONTEXT, 2L));
    }

    @Test
    void concurrentLinksToOneMemoryAreAllKept() throws Exception {
        String hub = store("u", "The release checklist", Scope.GLOBAL, null, null).id();
        List<String> spokes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            spokes.add(store("u", "Checklist item " + i + " about step " + (i * 7), Scope.GLOBAL, null, null).id());
        }

        runConcurrently(spokes.stream()
                .<Callable<Object>>map(spoke -> () -> service.link("u", hub, spoke, RelationType.DEPENDS_ON)).toList());

        assertThat(service.fetch("u", hub).memory().relatedTo()).containsExactlyInAnyOrderElementsOf(spokes);
    }

    @Test
    void concurrentStoresOfDistinctTextsAreAllKeptAndIdenticalOnesOnce() throws Exception {
        List<Callable<StoreResult>> work = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            work.add(() -> store("u", "Distinct fact " + n + ": service " + n + " listens on port " + (8000 + n),
                    Scope.GLOBAL, null, null));
            work.add(() -> store("u", "The one shared fact everyone stores", Scope.GLOBAL, null, null));
        }

        List<StoreResult> results = runConcurrently(work);

        assertThat(new HashSet<>(results.stream().map(StoreResult::id).toList())).hasSize(25);
        assertThat(service.entities("u", MemoryFilter.ALL, null, 50).entities()).singleElement()
                .satisfies(usage -> assertThat(usage.count()).isEqualTo(25));
    }

    protected StoreResult store(String user, String text, Scope scope, String project, String task) {
        return store(user, text, scope, project, task, "topic");
    }

    private StoreResult store(String user, String text, Scope scope, String project, String task, String entity) {
        return service.store(user, new NewMemory(text, MemoryType.PROJECT_CONTEXT, scope, entity, project, task,
                null, null, null, null, null));
    }

    protected static RetrieveRequest request(String query, Scope scope, String project, String task) {
        return new RetrieveRequest(query, scope, Set.of(), project, task, null, true, 10, 0, 0);
    }

    private static List<String> ids(List<RetrievedMemory> hits) {
        return hits.stream().map(hit -> hit.memory().id()).toList();
    }

    private static <T> List<T> runConcurrently(List<? extends Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(work)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
