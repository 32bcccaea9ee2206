package dev.minmemory.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.minmemory.server.memory.EmbeddingScheme;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.store.MemoryArchive;
import dev.minmemory.server.store.MemoryJson;
import dev.minmemory.server.store.lucene.LuceneMemoryStore;
import dev.minmemory.server.testing.Layouts;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The jar's export, import and reembed commands, on the embedded store the configuration selects. */
@QuarkusMainTest
@TestProfile(ExportImportCommandTest.FreshDataDirectory.class)
class ExportImportCommandTest {

    static final Path DATA = Path.of("target", "command-test-" + UUID.randomUUID());

    public static class FreshDataDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("memory.data-dir", DATA.toString());
        }
    }

    @Test
    void importThenExportGivesBackTheSameFile(QuarkusMainLauncher launcher) throws IOException {
        Path in = DATA.resolveSibling(DATA.getFileName() + "-in.jsonl");
        Path out = DATA.resolveSibling(DATA.getFileName() + "-out.jsonl");
        Files.writeString(in, exportOfOneMemory());

        LaunchResult imported = launcher.launch("import", "--in", in.toString());
        LaunchResult exported = launcher.launch("export", "--out", out.toString());

        assertThat(imported.exitCode()).as(imported.getErrorOutput()).isZero();
        assertThat(imported.getOutput()).contains("Imported 1 memories");
        assertThat(exported.exitCode()).as(exported.getErrorOutput()).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(in));
    }

    @Test
    void reembedGivesEveryMemoryANewVectorAndKeepsItsRecord(QuarkusMainLauncher launcher) throws IOException {
        Path in = DATA.resolveSibling(DATA.getFileName() + "-reembed-in.jsonl");
        Path out = DATA.resolveSibling(DATA.getFileName() + "-reembed-out.jsonl");
        String before = exportOfOneMemory();
        Files.writeString(in, before);
        String id = MemoryJson.mapper().readTree(before).path("memory").path("id").asText();

        LaunchResult imported = launcher.launch("import", "--in", in.toString());
        LaunchResult reembedded = launcher.launch("reembed");
        launcher.launch("export", "--out", out.toString());

        assertThat(imported.exitCode()).as(imported.getErrorOutput()).isZero();
        assertThat(reembedded.exitCode()).as(reembedded.getErrorOutput()).isZero();
        assertThat(reembedded.getOutput()).containsPattern("Re-embedded \\d+ memories in");
        JsonNode line = Files.readAllLines(out).stream().map(ExportImportCommandTest::json)
                .filter(json -> json.path("memory").path("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(line.path("memory")).isEqualTo(MemoryJson.mapper().readTree(before).path("memory"));
        // The imported vector was a unit axis; the model's vector of "cli: Imported by the command" is not.
        assertThat(line.path("vector").get(7).floatValue()).isLessThan(0.5f);
    }

    private static JsonNode json(String line) {
        try {
            return MemoryJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCommandWithoutItsFileSaysWhatItNeeds(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("export");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("export needs --out FILE").contains("QDRANT_URL");
    }

    private static String exportOfOneMemory() throws IOException {
        Path elsewhere = Files.createTempDirectory("archive-source");
        try (LuceneMemoryStore store = LuceneMemoryStore.open(elsewhere, Layouts.NEW_STORE)) {
            Instant t = Instant.parse("2026-02-03T04:05:06.789Z");
            float[] vector = new float[384];
            vector[7] = 1;
            store.save(new Memory(UUID.randomUUID().toString(), "local", "Imported by the command",
                    MemoryType.EPISODIC, Scope.GLOBAL, "cli", null, null, List.of(), Map.of(), List.of("x"), "active",
                    null, t, t, false, null, null), vector);
            StringWriter file = new StringWriter();
            new MemoryArchive("bge-small-en-v1.5-q", EmbeddingScheme.ENTITY_TEXT).export(store, file);
            return file.toString();
        }
    }
}
