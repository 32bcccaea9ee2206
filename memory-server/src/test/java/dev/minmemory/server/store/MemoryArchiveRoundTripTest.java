package dev.minmemory.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.minmemory.server.memory.BulkMemoryAccess;
import dev.minmemory.server.memory.EmbeddingScheme;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryStore;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.RelationType;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.store.lucene.LuceneMemoryStore;
import dev.minmemory.server.store.qdrant.FakeQdrant;
import dev.minmemory.server.store.qdrant.QdrantMemoryStore;
import dev.minmemory.server.store.qdrant.QdrantSettings;
import dev.minmemory.server.testing.Layouts;
import dev.minmemory.server.testing.RandomVectors;

/** Migration both ways: embedded → file → Qdrant → file → embedded keeps every memory as it was. */
class MemoryArchiveRoundTripTest {

    private static final String MODEL = "bge-small-en-v1.5-q";
    private final MemoryArchive archive = new MemoryArchive(MODEL, EmbeddingScheme.ENTITY_TEXT);
    private final Random random = new Random(7);

    @TempDir
    Path dir;

    @Test
    void aRoundTripThroughQdrantAndBackKeepsIdsTimestampsLinksTagsDeletedStateAndVectors() throws IOException {
        String fromEmbedded;
        try (LuceneMemoryStore embedded = LuceneMemoryStore.open(dir.resolve("before"), Layouts.NEW_STORE)) {
            seed(embedded);
            fromEmbedded = export(embedded);
        }
        String fromQdrant;
        try (FakeQdrant qdrant = FakeQdrant.start();
                QdrantMemoryStore store =
                        QdrantMemoryStore.connect(QdrantSettings.of(qdrant.url(), "migrated"), Layouts.NEW_STORE)) {
            assertThat(importInto(store, fromEmbedded)).isEqualTo(5);
            fromQdrant = export(store);
        }
        String fromEmbeddedAgain;
        try (LuceneMemoryStore embedded = LuceneMemoryStore.open(dir.resolve("after"), Layouts.NEW_STORE)) {
            importInto(embedded, fromQdrant);
            fromEmbeddedAgain = export(embedded);
        }

        assertSameMemories(fromQdrant, fromEmbedded);
        assertSameMemories(fromEmbeddedAgain, fromEmbedded);
        // Once through Qdrant (whose cosine normalisation may move a vector's last bits), the file is stable.
        assertThat(lines(fromEmbeddedAgain)).isEqualTo(lines(fromQdrant));
    }

    @Test
    void anImportRefusesVectorsOfAnotherModelNamingBoth() throws IOException {
        String exported;
        try (LuceneMemoryStore embedded = LuceneMemoryStore.open(dir.resolve("a"), Layouts.NEW_STORE)) {
            seed(embedded);
            exported = export(embedded);
        }
        try (LuceneMemoryStore other = LuceneMemoryStore.open(dir.resolve("b"), Layouts.NEW_STORE)) {
            assertThatThrownBy(() -> new MemoryArchive("bge-small-en-v1.5", EmbeddingScheme.ENTITY_TEXT)
                    .importInto(other, new BufferedReader(new StringReader(exported))))
                    .hasMessageContaining("bge-small-en-v1.5-q")
                    .hasMessageContaining("MEMORY_EMBEDDING_MODEL");
        }
    }

    @Test
    void anImportRefusesVectorsOfAnotherEmbeddingSchemeNamingIt() throws IOException {
        String exported;
        try (LuceneMemoryStore embedded = LuceneMemoryStore.open(dir.resolve("a"), Layouts.NEW_STORE)) {
            seed(embedded);
            exported = export(embedded);
        }
        try (LuceneMemoryStore other = LuceneMemoryStore.open(dir.resolve("b"), Layouts.NEW_STORE)) {
            assertThatThrownBy(() -> new MemoryArchive(MODEL, EmbeddingScheme.TEXT)
                    .importInto(other, new BufferedReader(new StringReader(exported))))
                    .hasMessageContaining("entity-text")
                    .hasMessageContaining("MEMORY_EMBEDDING_SCHEME=entity-text");
        }
    }

    @Test
    void aLineWithoutAnEmbeddingSchemeHoldsVectorsOfTheBareText() throws IOException {
        String exported;
        try (LuceneMemoryStore embedded = LuceneMemoryStore.open(dir.resolve("a"), Layouts.NEW_STORE)) {
            seed(embedded);
            exported = export(embedded).replace("\"embedding_scheme\":\"entity-text\",", "");
        }
        assertThat(exported).doesNotContain("embedding_scheme");
        try (LuceneMemoryStore other = LuceneMemoryStore.open(dir.resolve("b"), Layouts.NEW_STORE)) {
            assertThat(new MemoryArchive(MODEL, EmbeddingScheme.TEXT)
                    .importInto(other, new BufferedReader(new StringReader(exported)))).isEqualTo(5);
            assertThatThrownBy(() -> archive.importInto(other, new BufferedReader(new StringReader(exported))))
                    .hasMessageContaining("MEMORY_EMBEDDING_SCHEME=text");
        }
    }

    private void seed(MemoryStore store) {
        Instant t = Instant.parse("2026-03-01T10:15:30.123Z");
        Memory target = memory("alice", "The shop uses PostgreSQL 16", Scope.PROJECT, "shop", null, t);
        Memory source = memory("alice", "Migrations run before deploys", Scope.TASK, "shop", "t1", t.plusSeconds(5))
                .withLink(target.id(), RelationType.DEPENDS_ON, t.plusSeconds(9));
        Memory deleted = memory("alice", "An outdated fact", Scope.GLOBAL, null, null, t).asDeleted(t.plusSeconds(60));
        store.save(target, vector());
        store.save(source, vector());
        store.save(deleted, vector());
        store.save(memory("bob", "Bob prefers dark mode", Scope.GLOBAL, null, null, t), vector());
        store.save(memory("bob", "Bob's laptop runs Fedora", Scope.GLOBAL, null, null, t.plusMillis(1)), vector());
    }

    private Memory memory(String user, String text, Scope scope, String project, String task, Instant at) {
        return new Memory(UUID.randomUUID().toString(), user, text, MemoryType.PROJECT_CONTEXT, scope, "topic",
                project, task, List.of(), Map.of(), List.of("a", "b c"), "active", "high", at, at, false, null, null);
    }

    private String export(BulkMemoryAccess store) {
        StringWriter out = new StringWriter();
        archive.export(store, out);
        return out.toString();
    }

    private long importInto(BulkMemoryAccess store, String file) throws IOException {
        return archive.importInto(store, new BufferedReader(new StringReader(file)));
    }

    /** The same records byte for byte, and vectors equal to float rounding, in any order. */
    private static void assertSameMemories(String actual, String expected) throws IOException {
        Map<String, JsonNode> a = byId(actual);
        Map<String, JsonNode> e = byId(expected);
        assertThat(a.keySet()).isEqualTo(e.keySet());
        for (String id : e.keySet()) {
            assertThat(MemoryJson.mapper().writeValueAsString(a.get(id).get("memory")))
                    .isEqualTo(MemoryJson.mapper().writeValueAsString(e.get(id).get("memory")));
            assertThat(a.get(id).get("embedding_model")).isEqualTo(e.get(id).get("embedding_model"));
            assertThat(a.get(id).get("embedding_scheme")).isEqualTo(e.get(id).get("embedding_scheme"));
            for (int i = 0; i < 384; i++) {
                assertThat(a.get(id).get("vector").get(i).floatValue())
                        .isCloseTo(e.get(id).get("vector").get(i).floatValue(), offset(1e-6f));
            }
        }
    }

    private static Map<String, JsonNode> byId(String file) throws IOException {
        Map<String, JsonNode> lines = new TreeMap<>();
        for (String line : file.split("\n")) {
            JsonNode json = MemoryJson.mapper().readTree(line);
            lines.put(json.get("memory").get("id").asText(), json);
        }
        return lines;
    }

    private static List<String> lines(String file) {
        return file.lines().sorted().toList();
    }

    private float[] vector() {
        return RandomVectors.unit(random);
    }
}
