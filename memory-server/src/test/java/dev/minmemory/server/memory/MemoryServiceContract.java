package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** How far the service's clock runs ahead of the system clock: tests move it to store memories days apart. */
    private Duration clockShift = Duration.ZERO;

    /** A store over fresh, empty storage. */
    protected abstract MemoryStore openStore();

    protected abstract void closeStore(MemoryStore current);

    @BeforeEach
    void openServiceOnAFreshStore() {
        store = openStore();
        service = serviceWith(Optional.empty());
    }

    /** A service on the store, as a server with this {@code memory.embedding.scheme} (empty: not set) starts it. */
    private MemoryService serviceWith(Optional<EmbeddingScheme> scheme) {
        return new MemoryService(store, embedder, new MemoryConfig() {
            @Override
            public Path dataDir() {
                return dataDir;
            }

            @Override
            public double duplicateThreshold() {
                return 0.95;
            }

            @Override
            public Optional<EmbeddingScheme> embeddingScheme() {
                return scheme;
            }

            @Override
            public Search search() {
                return () -> 0.6;
            }

            @Override
            public Optional<Double> candidateThreshold() {
                return Optional.empty();
            }
        }, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(clockShift);
            }
        });
    }

    @Test
    void aStoreThatRecordsBareTextVectorsKeepsGettingThemThoughANewStoreWouldEmbedTheEntity() {
        ((MemoryBackend) store).recordLayout(new IndexLayout(embedder.modelId(), EmbeddingScheme.TEXT,
                store.layout().keywordAnalysis()));
        service = serviceWith(Optional.empty());

        String id = store("u", "Alice prefers tabs over spaces.", Scope.GLOBAL, null, null, "alice").id();

        float[] vector = vectorOf(id);
        assertThat(service.layout().embeddingScheme()).isEqualTo(EmbeddingScheme.TEXT);
        assertThat(dot(vector, embedder.embedPassage("Alice prefers tabs over spaces."))).isGreaterThan(0.999);
        assertThat(dot(vector, embedder.embedPassage("alice: Alice prefers tabs over spaces."))).isLessThan(0.999);
    }

    @Test
    void aStoreOfAnotherEmbeddingModelIsRefusedWithWhatToDo() {
        ((MemoryBackend) store).recordLayout(new IndexLayout("e5-small-v2-q", EmbeddingScheme.ENTITY_TEXT,
                store.layout().keywordAnalysis()));
        service = serviceWith(Optional.empty());

        assertThatThrownBy(() -> store("u", "Alice prefers tabs.", Scope.GLOBAL, null, null, "alice"))
                .isInstanceOf(IndexLayoutMismatchException.class)
                .hasMessageContaining("run the reembed command")
                .hasMessageContaining("MEMORY_EMBEDDING_MODEL=e5-small-v2-q");
        assertThatThrownBy(() -> service.retrieve("u", request("tabs", null, null, null)))
                .isInstanceOf(IndexLayoutMismatchException.class);
    }

    @Test
    void aSchemeConfiguredExplicitlyAgainstTheStoresRecordIsRefused() {
        ((MemoryBackend) store).recordLayout(new IndexLayout(embedder.modelId(), EmbeddingScheme.TEXT,
                store.layout().keywordAnalysis()));
        service = serviceWith(Optional.of(EmbeddingScheme.ENTITY_TEXT));

        assertThatThrownBy(() -> service.layout())
                .isInstanceOf(IndexLayoutMismatchException.class)
                .hasMessageContaining("reembed");
    }

    private float[] vectorOf(String id) {
        float[][] found = new float[1][];
        ((MemoryBackend) store).forEachMemory(stored -> {
            if (stored.memory().id().equals(id)) {
                found[0] = stored.vector();
            }
        });
        return found[0];
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
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
    void aDuplicateStoredWithLinksGivesThemToTheMemoryItDuplicates() {
        String evidence = store("u", "The CI logs show tabs in every Go file.", Scope.GLOBAL, null, null, "ci").id();
        String outdated = store("u", "The user prefers spaces in Go code.", Scope.GLOBAL, null, null, "style").id();
        StoreResult first = store("u", "The user prefers tabs over spaces in Go code", Scope.GLOBAL, null, null);

        StoreResult again = service.store("u", new NewMemory("The user prefers tabs over spaces in Go code.",
                MemoryType.PROJECT_CONTEXT, Scope.GLOBAL, "topic", null, null, List.of(evidence),
                Map.of(outdated, RelationType.SUPERSEDES), null, null, null));

        assertThat(again.duplicate()).isTrue();
        Memory kept = service.fetch("u", first.id()).memory();
        assertThat(kept.relatedTo()).containsExactlyInAnyOrder(evidence, outdated);
        assertThat(kept.relationTypes()).containsExactly(Map.entry(outdated, RelationType.SUPERSEDES));
        assertThat(service.fetch("u", outdated).memory().supersededBy()).isEqualTo(first.id());
    }

    @Test
    void aTextOverTheToolsCharacterLimitOrTooManyTagsIsRefusedWithoutASchemaToCatchIt() {
        String tooLong = "🙂".repeat(MemoryBounds.TEXT_CHARACTERS + 1);
        List<String> tooMany = java.util.stream.IntStream.rangeClosed(0, MemoryBounds.TAGS).mapToObj(i -> "t" + i)
                .toList();
        assertThatThrownBy(() -> store("u", tooLong, Scope.GLOBAL, null, null))
                .isInstanceOf(MemoryRequestException.class).hasMessageContaining("text is 32001 characters long");
        StoreResult stored = store("u", "The deploy script lives in ops/", Scope.GLOBAL, null, null);
        assertThatThrownBy(() -> service.update("u", stored.id(), new MemoryChanges(tooLong, null, null, null, null,
                null, null, null, null))).isInstanceOf(MemoryRequestException.class)
                .hasMessageContaining("at most 32000");
        assertThatThrownBy(() -> service.update("u", stored.id(), new MemoryChanges(null, null, null, null, null,
                null, tooMany, null, null))).isInstanceOf(MemoryRequestException.class)
                .hasMessageContaining("tags has 51 entries; at most 50");

        assertThat(service.fetch("u", stored.id()).memory().text()).isEqualTo("The deploy script lives in ops/");
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
    void aCorrectionThatSwapsTwoWordsIsStoredAndNamesTheMemoryItCorrectsAsACandidate() {
        StoreResult first = store("u", "Alice prefers tabs over spaces.", Scope.GLOBAL, null, null, "alice");
        StoreResult correction = store("u", "Alice prefers spaces over tabs.", Scope.GLOBAL, null, null, "alice");

        assertThat(correction.duplicate()).isFalse();
        assertThat(correction.id()).isNotEqualTo(first.id());
        assertThat(correction.candidates()).singleElement().satisfies(candidate -> {
            assertThat(candidate.memory().id()).isEqualTo(first.id());
            assertThat(candidate.similarity()).isBetween(0.85, 1.0);
        });
        assertThat(ids(service.retrieve("u", request("does Alice prefer tabs or spaces", null, null, null))))
                .contains(first.id(), correction.id());
    }

    @Test
    void aChangedNumberNegationOrNameIsStoredWhileARestatementIsADuplicate() {
        StoreResult limit = store("u", "The API allows 40 requests per second.", Scope.GLOBAL, null, null, "api");
        StoreResult fridays = store("u", "We don't deploy on Fridays.", Scope.GLOBAL, null, null, "deploys");

        assertThat(store("u", "The API allows 60 requests per second.", Scope.GLOBAL, null, null, "api").duplicate())
                .isFalse();
        assertThat(store("u", "We deploy on Fridays.", Scope.GLOBAL, null, null, "deploys").duplicate()).isFalse();
        assertThat(store("u", "The API allows 40 requests per minute.", Scope.GLOBAL, null, null, "api").duplicate())
                .isFalse();
        StoreResult restated = store("u", "the API allows 40 requests per second", Scope.GLOBAL, null, null, "api");
        assertThat(restated.duplicate()).isTrue();
        assertThat(restated.id()).isEqualTo(limit.id());
        assertThat(restated.candidates()).isEmpty();
        assertThat(store("u", "We do not deploy on Fridays", Scope.GLOBAL, null, null, "deploys").id())
                .isEqualTo(fridays.id());
    }

    @Test
    void candidatesAreSimilarMemoriesOfTheSameEntityOnly() {
        String alice = store("u", "Alice prefers tabs over spaces.", Scope.GLOBAL, null, null, "alice").id();
        store("u", "Bob prefers tabs over spaces.", Scope.GLOBAL, null, null, "bob");
        store("u", "The office is closed on public holidays.", Scope.GLOBAL, null, null, "alice");

        assertThat(store("u", "Alice prefers spaces over tabs.", Scope.GLOBAL, null, null, "alice").candidates())
                .extracting(candidate -> candidate.memory().id()).containsExactly(alice);
    }

    @Test
    void aSupersededMemoryIsLeftOutOfRetrievalUnlessAskedForAndNamesWhatSupersedesIt() {
        String old = store("u", "The shop deploys with Jenkins.", Scope.PROJECT, "shop", null, "ci").id();
        String current = service.store("u", new NewMemory("The shop deploys with GitHub Actions.",
                MemoryType.PROJECT_CONTEXT, Scope.PROJECT, "ci", "shop", null, null,
                Map.of(old, RelationType.SUPERSEDES), null, null, null)).id();

        assertThat(ids(service.retrieve("u", request("how does the shop deploy", null, "shop", null))))
                .containsExactly(current);
        List<RetrievedMemory> all = service.retrieve("u", withSuperseded(request("how does the shop deploy", null,
                "shop", null)));
        assertThat(ids(all)).containsExactlyInAnyOrder(old, current);
        assertThat(all).filteredOn(hit -> hit.memory().id().equals(old)).singleElement()
                .satisfies(hit -> assertThat(hit.memory().supersededBy()).isEqualTo(current));
        assertThat(service.fetch("u", old).memory().supersededBy()).isEqualTo(current);
        assertThat(service.search("u", "how does the shop deploy", 10)).extracting(hit -> hit.memory().id())
                .contains(old, current);
    }

    @Test
    void deletingTheSupersedingMemoryOrRelinkingItAnotherWayBringsTheOldOneBack() {
        String old = store("u", "Releases are cut every Tuesday.", Scope.GLOBAL, null, null, "releases").id();
        String first = store("u", "Releases are cut every Thursday.", Scope.GLOBAL, null, null, "releases").id();
        clockShift = Duration.ofMinutes(1);
        String second = store("u", "Releases are cut every Friday.", Scope.GLOBAL, null, null, "releases").id();
        service.link("u", first, old, RelationType.SUPERSEDES);
        service.link("u", second, old, RelationType.SUPERSEDES);

        assertThat(service.fetch("u", old).memory().supersededBy()).isEqualTo(second);
        service.delete("u", second);
        assertThat(service.fetch("u", old).memory().supersededBy()).isEqualTo(first);
        assertThat(ids(service.retrieve("u", request("when are releases cut", null, null, null)))).doesNotContain(old);

        service.link("u", first, old, RelationType.REFINES);

        assertThat(service.fetch("u", old).memory().supersededBy()).isNull();
        assertThat(ids(service.retrieve("u", request("when are releases cut", null, null, null)))).contains(old);
    }

    @Test
    void timeBoundsSelectMemoriesByWhenTheyWereCreated() {
        String lastMonth = store("u", "We decided to use Postgres for orders.", Scope.GLOBAL, null, null).id();
        clockShift = Duration.ofDays(30);
        Instant lastWeek = Instant.now().plus(clockShift);
        String recent = store("u", "We decided to use Redis for sessions.", Scope.GLOBAL, null, null).id();

        assertThat(ids(service.retrieve("u", between(request("what did we decide", null, null, null), lastWeek,
                null)))).containsExactly(recent);
        assertThat(ids(service.retrieve("u", between(request("what did we decide", null, null, null), null,
                lastWeek)))).containsExactly(lastMonth);
        assertThatThrownBy(() -> service.retrieve("u", between(request("what did we decide", null, null, null),
                lastWeek, lastWeek))).isInstanceOf(MemoryRequestException.class)
                .hasMessageContaining("must be earlier than created_before");
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
    void aBareVersionNumberIsRetrievedFirstAmongMemoriesNearerToItsVector() {
        for (String text : List.of("Version numbers follow semantic versioning",
                "Releases are tagged with three numbers",
                "Patch releases only fix bugs", "The release version is bumped by the pipeline",
                "Minor versions add features without breaking anything")) {
            store("u", text, Scope.GLOBAL, null, null);
        }
        String version = store("u", "Spring Boot 3.4.11 broke the custom Jackson module", Scope.GLOBAL, null, null)
                .id();

        assertThat(service.retrieve("u", request("3.4.11", null, null, null)).get(0).memory().id())
                .isEqualTo(version);
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
                    Instant.EPOCH, Instant.EPOCH, false, null, null), embedder.embedPassage(texts.get(i)));
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
    void entityNamesCompleteFromTheCallersOwnMemoriesIgnoringCase() {
        store("u", "Clusters are upgraded quarterly", Scope.GLOBAL, null, null, "Kubernetes");
        store("u", "The operator reconciles every minute", Scope.GLOBAL, null, null, "kubernetes-operator");
        store("u", "Orders are kept for ten years", Scope.GLOBAL, null, null, "postgres");
        store("someone-else", "Their cluster runs on Kafka", Scope.GLOBAL, null, null, "kafka");

        assertThat(service.entityNamesStartingWith("u", "kub", 10)).containsExactly("Kubernetes",
                "kubernetes-operator");
        assertThat(service.entityNamesStartingWith("u", "k", 1)).containsExactly("Kubernetes");
        assertThat(service.entityNamesStartingWith("u", "kaf", 10)).isEmpty();
    }

    @Test
    void projectNamesCompleteFromTheCallersOwnLiveMemoriesIgnoringCase() {
        store("u", "Prices include VAT", Scope.PROJECT, "Shop", null);
        store("u", "Shipping is free above 50 euros", Scope.TASK, "shop-eu", "t1");
        store("u", "The user writes in British English", Scope.GLOBAL, null, null);
        String gone = store("u", "The old storefront is retired", Scope.PROJECT, "shopify-legacy", null).id();
        service.delete("u", gone);
        store("someone-else", "Their shop sells bicycles", Scope.PROJECT, "shop-bikes", null);

        assertThat(service.projectNamesStartingWith("u", "sho", 10)).containsExactly("Shop", "shop-eu");
        assertThat(service.projectNamesStartingWith("u", "", 1)).containsExactly("Shop");
        assertThat(service.projectNamesStartingWith("u", "bikes", 10)).isEmpty();
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
    void browsingPagesThroughTheCallersLiveMemoriesNewestFirstEachExactlyOnce() {
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clockShift = Duration.ofMinutes(i);
            stored.add(store("u", "Browsing note number " + i + " about gardens.", Scope.GLOBAL, null, null).id());
        }
        store("other", "Someone else's note about gardens.", Scope.GLOBAL, null, null);
        service.delete("u", stored.get(2));

        MemoryPage first = service.browse("u", browse(null, null, null, null, null, null, 2));
        MemoryPage second = service.browse("u", browse(null, null, null, null, null, first.nextCursor(), 2));

        assertThat(first.memories()).extracting(Memory::id).containsExactly(stored.get(4), stored.get(3));
        assertThat(second.memories()).extracting(Memory::id).containsExactly(stored.get(1), stored.get(0));
        assertThat(second.nextCursor()).isNull();
        assertThatThrownBy(() -> service.browse("u", browse(null, null, null, null, null, "made-up", 2)))
                .isInstanceOf(MemoryRequestException.class).hasMessageContaining("not one this server gave out");
    }

    @Test
    void browsingFiltersByScopeProjectTaskTypeEntityAndTagExactly() {
        String global = store("u", "Coffee is brewed at seven.", Scope.GLOBAL, null, null, "coffee").id();
        String project = store("u", "The shop's API runs on port 8443.", Scope.PROJECT, "shop", null, "api").id();
        String task = store("u", "The checkout task needs a retry.", Scope.TASK, "shop", "T-1", "api").id();
        String tagged = service.store("u", new NewMemory("Invoices go out on the first.", MemoryType.TASK_INSTRUCTION,
                Scope.PROJECT, "billing", "billing", null, null, null, List.of("money"), null, null)).id();

        assertThat(browsed(browse(Scope.GLOBAL, null, null, null, null, null, 10))).containsExactly(global);
        assertThat(browsed(browse(null, "shop", null, null, null, null, 10))).containsExactlyInAnyOrder(project, task);
        assertThat(browsed(browse(null, null, "T-1", null, null, null, 10))).containsExactly(task);
        assertThat(browsed(browse(null, null, null, MemoryType.TASK_INSTRUCTION, null, null, 10)))
                .containsExactly(tagged);
        assertThat(browsed(browse(null, null, null, null, "api", null, 10))).containsExactlyInAnyOrder(project, task);
        assertThat(browsed(new BrowseRequest(null, null, null, null, null, "money", null, 10))).containsExactly(tagged);
    }

    @Test
    void theOverviewCountsTheCallersLiveMemoriesPerProjectTypeEntityAndDay() {
        store("u", "The shop's API runs on port 8443.", Scope.PROJECT, "shop", null, "api");
        store("u", "The shop deploys on Fridays.", Scope.PROJECT, "shop", null, "deploys");
        String gone = store("u", "Coffee is brewed at seven.", Scope.GLOBAL, null, null, "coffee").id();
        store("u", "Tea is brewed at five.", Scope.GLOBAL, null, null, "tea");
        store("other", "Someone else's shop runs on port 1.", Scope.PROJECT, "theirs", null, "api");
        service.delete("u", gone);

        MemoryOverview overview = service.overview("u");

        assertThat(overview.total()).isEqualTo(3);
        assertThat(overview.byProject()).containsExactly(new MemoryOverview.Count("shop", 2));
        assertThat(overview.byType()).containsExactly(new MemoryOverview.Count("project_context", 3));
        assertThat(overview.byEntity()).extracting(MemoryOverview.Count::name).containsExactly("api", "deploys",
                "tea");
        assertThat(overview.byDay()).extracting(MemoryOverview.DayCount::count).containsExactly(3L);
    }

    private List<String> browsed(BrowseRequest request) {
        return service.browse("u", request).memories().stream().map(Memory::id).toList();
    }

    private static BrowseRequest browse(Scope scope, String project, String task, MemoryType type, String entity,
            String cursor, int limit) {
        return new BrowseRequest(scope, project, task, type, entity, null, cursor, limit);
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
        return new RetrieveRequest(query, scope, Set.of(), project, task, null, true, 10, 0, 0, false, null, null);
    }

    private static RetrieveRequest withSuperseded(RetrieveRequest r) {
        return new RetrieveRequest(r.query(), r.scope(), r.memoryTypes(), r.project(), r.taskId(), r.status(),
                r.includeRelated(), r.limit(), r.scoreThreshold(), r.recencyWeight(), true, r.createdAfter(),
                r.createdBefore());
    }

    private static RetrieveRequest between(RetrieveRequest r, Instant after, Instant before) {
        return new RetrieveRequest(r.query(), r.scope(), r.memoryTypes(), r.project(), r.taskId(), r.status(),
                r.includeRelated(), r.limit(), r.scoreThreshold(), r.recencyWeight(), r.includeSuperseded(), after,
                before);
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
