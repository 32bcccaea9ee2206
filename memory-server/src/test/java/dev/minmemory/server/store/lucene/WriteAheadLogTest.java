package dev.minmemory.server.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.RelationType;
import dev.minmemory.server.memory.Scope;

class WriteAheadLogTest {

    @TempDir
    Path dir;

    @Test
    void entriesOfAPreviousRunAreReadBackWithTheirVectors() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.sync(log.append(memory("a"), new float[] { 0.6f, 0.8f }));
            log.sync(log.append(memory("b"), new float[] { 1f, 0f }));
        }

        try (WriteAheadLog reopened = WriteAheadLog.open(dir)) {
            List<WriteAheadLog.Entry> entries = reopened.readSealed();

            assertThat(entries).extracting(entry -> entry.memory()).containsExactly(memory("a"), memory("b"));
            assertThat(entries.get(0).vector()).containsExactly(0.6f, 0.8f);
        }
    }

    @Test
    void aTornLastEntryIsIgnoredAndEverythingBeforeItKept() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.sync(log.append(memory("a"), new float[] { 1f }));
        }
        Files.write(dir.resolve("wal-1.log"), new byte[] { 0, 0, 1, 0, 7, 7, 7 }, StandardOpenOption.APPEND);

        try (WriteAheadLog reopened = WriteAheadLog.open(dir)) {
            assertThat(reopened.readSealed()).extracting(entry -> entry.memory().id()).containsExactly("a");
        }
    }

    @Test
    void aCorruptedEntryEndsTheReplay() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.sync(log.append(memory("a"), new float[] { 1f }));
            log.sync(log.append(memory("b"), new float[] { 1f }));
        }
        Path segment = dir.resolve("wal-1.log");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x5A;
        Files.write(segment, bytes);

        try (WriteAheadLog reopened = WriteAheadLog.open(dir)) {
            assertThat(reopened.readSealed()).extracting(entry -> entry.memory().id()).containsExactly("a");
        }
    }

    @Test
    void rotatingSealsTheSegmentAndDeletingDropsOnlySealedOnes() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.append(memory("a"), new float[] { 1f });
            long sealed = log.rotate();
            log.sync(log.append(memory("b"), new float[] { 1f }));

            log.deleteThrough(sealed);

            assertThat(dir.resolve("wal-1.log")).doesNotExist();
            assertThat(dir.resolve("wal-2.log")).exists();
        }
        try (WriteAheadLog reopened = WriteAheadLog.open(dir)) {
            assertThat(reopened.readSealed()).extracting(entry -> entry.memory().id()).containsExactly("b");
        }
    }

    private static Memory memory(String id) {
        Instant t = Instant.parse("2026-03-04T05:06:07.089Z");
        return new Memory(id, "u", "text of " + id, MemoryType.EPISODIC, Scope.TASK, "e", "p", "t", List.of("x"),
                Map.of("x", RelationType.SUPERSEDES), List.of("tag"), "active", "high", t, t, false, null);
    }
}
