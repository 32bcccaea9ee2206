package dev.minmemory.server.memory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The memory domain: every rule about storing, finding, linking, changing and deleting one user's memories.
 * <p>
 * Read-modify-write sequences of one user run under that user's lock, so concurrent clients never overwrite each
 * other's links or changes and duplicate detection sees every earlier store. Embedding happens outside the lock.
 */
@ApplicationScoped
public class MemoryService {

    static final String DEFAULT_STATUS = "active";
    /** The nearest memories of its scope a new memory is compared with, as a duplicate or a candidate. */
    static final int NEAR_MEMORIES = 5;
    /** Candidates a retrieval re-ranks by recency or thins out by a similarity threshold, at least. */
    private static final int MIN_CANDIDATES = 30;
    private static final int LOCK_STRIPES = 64;

    private final MemoryStore store;
    private final Embedder embedder;
    private final MemoryConfig config;
    private final Clock clock;
    private final ScoreFusion fusion;
    private final ConfiguredEmbedding configured;
    private final Lock[] userLocks = new Lock[LOCK_STRIPES];

    public MemoryService(MemoryStore store, Embedder embedder, MemoryConfig config, Clock clock) {
        this.store = store;
        this.embedder = embedder;
        this.config = config;
        this.clock = clock;
        this.fusion = new ScoreFusion(config.search().denseWeight());
        this.configured = new ConfiguredEmbedding(embedder.modelId(), config.embeddingScheme());
        for (int i = 0; i < LOCK_STRIPES; i++) {
            userLocks[i] = new ReentrantLock();
        }
    }

    public StoreResult store(String user, NewMemory request) {
        requireText("text", request.text());
        MemoryBounds.requireRequestWithin(request.text(), request.tags());
        requireText("entity", request.entity());
        Scope scope = request.scope();
        requireTextIfGiven("project", request.project());
        requireTextIfGiven("task_id", request.taskId());
        ScopeFilter sameScope = Scopes.placement(scope, request.project(), request.taskId());
        float[] vector = embedder.embedPassage(passage(request.entity(), request.text()));
        long[] write = new long[1];
        StoreResult result = underLock(user, () -> {
            Map<String, RelationType> relations = request.relationTypes() == null ? Map.of() : request.relationTypes();
            Instant now = now();
            Memory memory = withinBounds(new Memory(UUID.randomUUID().toString(), user, request.text(),
                    request.memoryType(), scope, request.entity(), sameScope.project(), sameScope.taskId(),
                    distinct(concat(request.relatedTo(), List.copyOf(relations.keySet()))), relations,
                    distinct(request.tags()), request.status() == null ? DEFAULT_STATUS : request.status(),
                    request.priority(), now, now, false, null, null));
            memory.relatedTo().forEach(id -> requireLive(user, id));
            List<SearchHit> near = store.findNear(user, new DuplicateQuery(vector, request.text(),
                    MemoryFilter.of(List.of(sameScope)).withoutSuperseded(),
                    Math.min(config.duplicateThreshold(), candidateThreshold()), NEAR_MEMORIES));
            Optional<SearchHit> duplicate = near.stream()
                    .filter(hit -> hit.similarity() >= config.duplicateThreshold()
                            && SameStatement.same(hit.memory().text(), request.text()))
                    .findFirst();
            if (duplicate.isPresent()) {
                Memory existing = duplicate.get().memory();
                // The links asked for are not lost with the duplicate: the memory that already says it gets them.
                Memory linked = withinBounds(existing.withLinks(memory.relatedTo(), relations, now));
                if (linked != existing) {
                    store.saveKeepingVector(linked);
                    relations.forEach((target, type) -> {
                        if (type == RelationType.SUPERSEDES
                                || existing.relationTypes().get(target) == RelationType.SUPERSEDES) {
                            updateSupersession(user, target);
                        }
                    });
                }
                // The memory it names may itself have been written a moment ago.
                write[0] = store.latestWrite();
                return new StoreResult(existing.id(), true, duplicate.get().similarity(), List.of());
            }
            write[0] = store.saveBeforeDurable(memory, vector);
            relations.forEach((target, type) -> {
                if (type == RelationType.SUPERSEDES) {
                    updateSupersession(user, target);
                }
            });
            List<SearchHit> candidates = near.stream()
                    .filter(hit -> hit.similarity() >= candidateThreshold()
                            && hit.memory().entity().equals(memory.entity())
                            && !memory.relatedTo().contains(hit.memory().id()))
                    .toList();
            return new StoreResult(memory.id(), false, 1.0, candidates);
        });
        // Outside the lock, so that concurrent stores share one fsync; a duplicate's answer waits too.
        store.awaitDurable(write[0]);
        return result;
    }

    public List<RetrievedMemory> retrieve(String user, RetrieveRequest request) {
        requireText("query", request.query());
        CreatedTime.requireOrdered(request.createdAfter(), request.createdBefore());
        MemoryFilter filter = request.filter();
        // Without re-ranking or thinning out, the store's best hits are the answer; every further candidate would be
        // read from the store only to be dropped.
        boolean reRanked = request.recencyWeight() > 0 || request.scoreThreshold() > 0;
        int candidates = reRanked ? Math.max(request.limit() * 3, MIN_CANDIDATES) : request.limit();
        List<SearchHit> hits = store.search(user,
                new SearchQuery(queryVector(request.query()), request.query(), filter, candidates,
                        fusion.forQuery(request.query())));
        Instant now = now();
        return hits.stream()
                .filter(hit -> hit.similarity() >= request.scoreThreshold())
                .map(hit -> new RetrievedMemory(hit.memory(),
                        RecencyScore.combine(hit.relevance(), hit.memory().updatedAt(), now, request.recencyWeight()),
                        hit.similarity(), List.of()))
                .sorted(Comparator.comparingDouble(RetrievedMemory::score).reversed())
                .limit(request.limit())
                .map(hit -> request.includeRelated()
                        ? new RetrievedMemory(hit.memory(), hit.score(), hit.similarity(), linked(user, hit.memory()))
                        : hit)
                .toList();
    }

    public List<SearchHit> search(String user, String query, int limit) {
        requireText("query", query);
        return store.search(user, new SearchQuery(queryVector(query), query, MemoryFilter.ALL, limit,
                fusion.forQuery(query)));
    }

    /**
     * One page of the user's live memories, newest first (creation time, then id, descending), superseded ones
     * included.
     */
    public MemoryPage browse(String user, BrowseRequest request) {
        BrowseCursor after = request.cursor() == null ? null : BrowseCursor.decode(request.cursor());
        MemoryFilter filter = new MemoryFilter(Scopes.forBrowsing(request.scope(), request.project(), request.taskId()),
                request.memoryType() == null ? Set.of() : Set.of(request.memoryType()), null, null, null, false);
        List<Memory> matching = new ArrayList<>();
        store.forEachLiveMemory(user, filter, memory -> {
            if ((request.entity() == null || request.entity().equals(memory.entity()))
                    && (request.tag() == null || memory.tags().contains(request.tag()))
                    && (after == null || after.precedes(memory))) {
                matching.add(memory);
            }
        });
        List<Memory> page = matching.stream().sorted(BrowseCursor.NEWEST_FIRST).limit(request.limit()).toList();
        String next = matching.size() > request.limit() ? BrowseCursor.encode(page.get(page.size() - 1)) : null;
        return new MemoryPage(page, next);
    }

    /** Counts of the user's live memories per project, type, entity (the most used) and day of creation. */
    public MemoryOverview overview(String user) {
        MemoryOverviewTally tally = new MemoryOverviewTally();
        store.forEachLiveMemory(user, MemoryFilter.ALL, tally::add);
        return tally.overview();
    }

    /** A live memory of the user, with its links, or a not-found error. */
    public RetrievedMemory fetch(String user, String id) {
        Memory memory = requireLive(user, id);
        return new RetrievedMemory(memory, 1.0, 1.0, linked(user, memory));
    }

    public ProjectSummary setProject(String user, String project) {
        requireText("project", project);
        return underLock(user, () -> {
            MemoryStats stats = projectStats(user, project);
            if (stats.total() > 0) {
                return new ProjectSummary(project, false, stats);
            }
            String text = "Project '" + project + "' was set up as a memory context.";
            float[] vector = embedder.embedPassage(passage(project, text));
            Instant now = now();
            store.save(withinBounds(new Memory(UUID.randomUUID().toString(), user, text, MemoryType.PROJECT_CONTEXT,
                    Scope.PROJECT, project, project, null, List.of(), Map.of(), List.of(), DEFAULT_STATUS, null, now,
                    now, false, null, null)), vector);
            return new ProjectSummary(project, true, projectStats(user, project));
        });
    }

    public MemoryStats projectStats(String user, String project) {
        return store.stats(user, MemoryFilter.of(Scopes.ofProject(project)));
    }

    public EntityPage entities(String user, MemoryFilter filter, String cursor, int limit) {
        List<EntityUsage> all = store.entities(user, filter);
        String after = cursor == null ? null : EntityCursor.decode(cursor);
        List<EntityUsage> rest = after == null ? all
                : all.stream().filter(usage -> usage.entity().compareTo(after) > 0).toList();
        List<EntityUsage> page = rest.stream().limit(limit).toList();
        String next = rest.size() > limit ? EntityCursor.encode(page.get(page.size() - 1).entity()) : null;
        return new EntityPage(page, next, all.size());
    }

    /** Entity names of the user's live memories that start with {@code prefix}, ignoring case, in name order. */
    public List<String> entityNamesStartingWith(String user, String prefix, int limit) {
        return startingWith(store.entities(user, MemoryFilter.ALL).stream().map(EntityUsage::entity).toList(),
                prefix, limit);
    }

    /** Projects of the user's live memories whose names start with {@code prefix}, ignoring case, in name order. */
    public List<String> projectNamesStartingWith(String user, String prefix, int limit) {
        return startingWith(store.projects(user), prefix, limit);
    }

    private static List<String> startingWith(List<String> names, String prefix, int limit) {
        String start = prefix.toLowerCase(Locale.ROOT);
        return names.stream().filter(name -> name.toLowerCase(Locale.ROOT).startsWith(start)).limit(limit).toList();
    }

    public List<EntityMatch> searchEntities(String user, String query, Scope scope, int limit) {
        return store.entities(user, MemoryFilter.of(Scopes.inEveryProject(scope))).stream()
                .map(usage -> new EntityMatch(usage, EntityNameSimilarity.score(query, usage.entity())))
                .filter(match -> match.score() >= 0.6)
                .sorted(Comparator.comparingDouble(EntityMatch::score).reversed()
                        .thenComparing(match -> -match.usage().count()))
                .limit(limit)
                .toList();
    }

    /** Links {@code memoryId} to {@code relatedId}; returns the relation it replaced, if the link existed. */
    public Optional<RelationType> link(String user, String memoryId, String relatedId, RelationType type) {
        if (memoryId.equals(relatedId)) {
            throw new MemoryRequestException("A memory cannot be linked to itself: memory_id and related_id are both '"
                    + memoryId + "'.");
        }
        return underLock(user, () -> {
            Memory from = requireLive(user, memoryId);
            requireLive(user, relatedId);
            Optional<RelationType> previous = Optional.ofNullable(from.relationTypes().get(relatedId));
            if (previous.isEmpty() || previous.get() != type) {
                store.saveKeepingVector(withinBounds(from.withLink(relatedId, type, now())));
                if (type == RelationType.SUPERSEDES || previous.orElse(null) == RelationType.SUPERSEDES) {
                    updateSupersession(user, relatedId);
                }
            }
            return previous;
        });
    }

    /** Soft-deletes the memory; returns false when it was already deleted. */
    public boolean delete(String user, String id) {
        return underLock(user, () -> {
            Memory memory = store.find(user, id).orElseThrow(() -> MemoryRequestException.notFound(id));
            if (memory.deleted()) {
                return false;
            }
            store.saveKeepingVector(memory.asDeleted(now()));
            memory.relationTypes().forEach((target, type) -> {
                if (type == RelationType.SUPERSEDES) {
                    updateSupersession(user, target);
                }
            });
            return true;
        });
    }

    public Memory update(String user, String id, MemoryChanges changes) {
        if (changes.isEmpty()) {
            throw new MemoryRequestException("Nothing to update: pass at least one of text, memory_type, scope, entity,"
                    + " project, task_id, tags, status or priority.");
        }
        if (changes.text() != null) {
            requireText("text", changes.text());
        }
        MemoryBounds.requireRequestWithin(changes.text(), changes.tags());
        requireTextIfGiven("entity", changes.entity());
        requireTextIfGiven("project", changes.project());
        requireTextIfGiven("task_id", changes.taskId());
        // Embedded outside the lock, from the memory as it is now; again under it only if a concurrent update changed
        // what the vector is made of in between.
        Embedded embedded = null;
        if (changes.text() != null || changes.entity() != null) {
            Memory before = requireLive(user, id);
            String passage = passage(changes.entity() == null ? before.entity() : changes.entity(),
                    changes.text() == null ? before.text() : changes.text());
            if (!passage.equals(passage(before.entity(), before.text()))) {
                embedded = new Embedded(passage, embedder.embedPassage(passage));
            }
        }
        Embedded outsideTheLock = embedded;
        return underLock(user, () -> {
            Memory current = requireLive(user, id);
            Scope scope = changes.scope() == null ? current.scope() : changes.scope();
            String project = changes.project() == null ? current.project() : changes.project();
            String taskId = changes.taskId() == null ? current.taskId() : changes.taskId();
            ScopeFilter placement = Scopes.placement(scope, project, taskId);
            Memory updated = current.withContent(
                    changes.text() == null ? current.text() : changes.text(),
                    changes.memoryType() == null ? current.memoryType() : changes.memoryType(),
                    scope,
                    changes.entity() == null ? current.entity() : changes.entity(),
                    placement.project(),
                    placement.taskId(),
                    changes.tags() == null ? current.tags() : distinct(changes.tags()),
                    changes.status() == null ? current.status() : changes.status(),
                    changes.priority() == null ? current.priority() : changes.priority(),
                    now());
            withinBounds(updated);
            String passage = passage(updated.entity(), updated.text());
            if (passage.equals(passage(current.entity(), current.text()))) {
                store.saveKeepingVector(updated);
            } else {
                store.save(updated, outsideTheLock != null && outsideTheLock.passage().equals(passage)
                        ? outsideTheLock.vector()
                        : embedder.embedPassage(passage));
            }
            return updated;
        });
    }

    /**
     * Records on a live memory which live memory supersedes it now (the newest, if several do), after a link to it
     * was made, replaced or lost its source. Called under the user's lock, after the write that changed the link, as
     * a write of its own: a crash in between leaves the field stale (a new link not yet hiding the memory, or a deleted
     * superseder still hiding it) until the next link or delete that touches the memory recomputes it.
     */
    private void updateSupersession(String user, String id) {
        store.find(user, id).filter(Memory::isLive).ifPresent(memory -> {
            String newest = store.findLinkingTo(user, id).stream()
                    .filter(source -> source.relationTypes().get(id) == RelationType.SUPERSEDES)
                    .max(Comparator.comparing(Memory::createdAt).thenComparing(Memory::id))
                    .map(Memory::id)
                    .orElse(null);
            if (!Objects.equals(newest, memory.supersededBy())) {
                store.saveKeepingVector(memory.withSupersededBy(newest));
            }
        });
    }

    private double candidateThreshold() {
        return config.candidateThreshold().orElseGet(embedder::candidateSimilarity);
    }

    private record Embedded(String passage, float[] vector) {
    }

    /**
     * The layout new vectors are made with: the store's own, if the configuration accepts it ({@link
     * ConfiguredEmbedding}).
     *
     * @throws IndexLayoutMismatchException if it does not, saying what to do
     */
    public IndexLayout layout() {
        // Asked every time, not kept: a Qdrant collection deleted under a running server is created again with a
        // new store's layout.
        return configured.accept(store.layout());
    }

    /** A question's vector, comparable with the store's only if its layout is accepted. */
    private float[] queryVector(String query) {
        layout();
        return embedder.embedQuery(query);
    }

    /** What of a memory its vector is made of: the store's scheme, whatever a new store would get. */
    private String passage(String entity, String text) {
        return layout().embeddingScheme().passage(entity, text);
    }

    private List<LinkedMemory> linked(String user, Memory memory) {
        List<LinkedMemory> links = new ArrayList<>();
        for (String targetId : memory.relatedTo()) {
            store.find(user, targetId).filter(Memory::isLive).ifPresent(target -> links.add(
                    new LinkedMemory(target, memory.relationTypes().get(targetId), true)));
        }
        for (Memory source : store.findLinkingTo(user, memory.id())) {
            links.add(new LinkedMemory(source, source.relationTypes().get(memory.id()), false));
        }
        return links;
    }

    private Memory requireLive(String user, String id) {
        return store.find(user, id).filter(Memory::isLive).orElseThrow(() -> MemoryRequestException.notFound(id));
    }

    /** Millisecond precision: what every store keeps, so a record reads back exactly as it was written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void requireText(String argument, String value) {
        if (VisibleText.isEmpty(value)) {
            throw new MemoryRequestException(argument
                    + " must not be empty or only white space or invisible characters.");
        }
    }

    private static void requireTextIfGiven(String argument, String value) {
        if (value != null) {
            requireText(argument, value);
        }
    }

    private static Memory withinBounds(Memory memory) {
        MemoryBounds.requireWithin(memory);
        return memory;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a == null ? List.of() : a);
        all.addAll(b);
        return all;
    }

    private <T> T underLock(String user, Supplier<T> work) {
        Lock lock = userLocks[Math.floorMod(user.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
