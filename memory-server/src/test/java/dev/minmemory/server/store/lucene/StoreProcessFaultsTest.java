package dev.minmemory.server.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.minmemory.server.testing.Layouts;

/**
 * Faults that take a whole process, on the embedded store running in a JVM of its own ({@link StoreProcess}): kill -9
 * in the middle of writing, and running out of file descriptors under a lowered limit ({@code prlimit}). After each,
 * the store opens on the same directory; every acknowledged write is there and no write the process was told failed.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StoreProcessFaultsTest {

    @TempDir
    Path root;
    private Path dir;

    @BeforeEach
    void createTheDataDirectory() throws IOException {
        dir = Files.createDirectory(root.resolve("index"));
    }

    @Test
    void killMinus9WhileWritingKeepsEveryAcknowledgedWriteAndAtMostTheOneInFlight() throws Exception {
        Process process = start(List.of(), "write");
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = output(process)) {
            while (acknowledged.size() < 200) {
                acknowledged.add(out.readLine().substring("ACK ".length()));
            }
            // SIGKILL through the handle, which (unlike Process.destroyForcibly) leaves the pipe readable:
            // acknowledgements printed before the kill and not read yet count too.
            process.toHandle().destroyForcibly();
            process.waitFor();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring("ACK ".length()));
                }
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200).allMatch(id -> id.startsWith("w-"));

        try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, Layouts.NEW_STORE)) {
            acknowledged.forEach(id -> assertThat(store.find("u", id)).as(id).isPresent());
            int inFlight = acknowledged.size();
            for (int i = inFlight + 1; i < inFlight + 50; i++) {
                assertThat(store.find("u", "w-" + i)).as("w-%d was never written", i).isEmpty();
            }
            assertThat(store.health().ready()).isTrue();
        }
    }

    @Test
    void runningOutOfFileDescriptorsFailsWritesTruthfullyAndLosesNoAcknowledgedOne() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit (util-linux) is needed");
        Process process = start(List.of("/usr/bin/prlimit", "--nofile=400:400"), "exhaust");
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = output(process)) {
            for (String line = out.readLine(); line != null && !line.equals("DONE"); line = out.readLine()) {
                lines.add(line);
            }
            process.destroyForcibly().waitFor();
        }
        assertThat(lines).anyMatch(line -> line.startsWith("EXHAUSTED"));
        List<String> acknowledged = idsOf(lines, "ACK ");
        List<String> failed = idsOf(lines, "FAIL ");
        List<String> health = lines.stream().filter(line -> line.startsWith("HEALTH ")).toList();
        assertThat(acknowledged).contains("before-0", "before-4");
        assertThat(health).hasSize(3);
        if (failed.stream().anyMatch(id -> id.startsWith("exhausted-"))) {
            assertThat(health.get(0)).as("a write failed, so health is not UP").startsWith("HEALTH false");
        }
        if (failed.stream().anyMatch(id -> id.startsWith("released-"))) {
            assertThat(health.get(2)).as("writes still fail: only a restart helps, so liveness is DOWN")
                    .startsWith("HEALTH false false");
        } else {
            assertThat(health.get(2)).startsWith("HEALTH true true");
        }

        try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, Layouts.NEW_STORE)) {
            acknowledged.forEach(id -> assertThat(store.find("u", id)).as(id).isPresent());
            failed.forEach(id -> assertThat(store.find("u", id)).as("%s failed, so it must not appear", id).isEmpty());
            assertThat(store.health().ready()).isTrue();
            assertThat(store.health().live()).isTrue();
        }
    }

    private Process start(List<String> prefix, String mode) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), StoreProcess.class.getName(), mode, dir.toString()));
        return new ProcessBuilder(command).redirectError(root.resolve(mode + ".log").toFile())
                .start();
    }

    private static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static List<String> idsOf(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).split(" ", 2)[0]).toList();
    }
}
