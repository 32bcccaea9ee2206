package dev.minmemory.server.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
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

        List<WriteAheadLog.Entry> entries = entries(dir.resolve("wal-1.log"));

        assertThat(entries).extracting(WriteAheadLog.Entry::memory).containsExactly(memory("a"), memory("b"));
        assertThat(entries.get(0).vector()).containsExactly(0.6f, 0.8f);
    }

    @Test
    void aTornLastEntryIsTheNormalEndOfALogAndEverythingBeforeItIsKept() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.sync(log.append(memory("a"), new float[] { 1f }));
        }
        Path segment = dir.resolve("wal-1.log");
        Files.write(segment, new byte[] { 0, 0, 1, 0, 7, 7, 7 }, StandardOpenOption.APPEND);

        LogFrames.Segment read = LogFrames.read(Files.readAllBytes(segment));

        assertThat(decode(read)).extracting(entry -> entry.memory().id()).containsExactly("a");
        assertThat(read.damage()).singleElement().satisfies(damage -> assertThat(damage.tornTail()).isTrue());
        assertThat(read.corruption()).isEmpty();
    }

    @Test
    void aFlippedPayloadByteMidSegmentLosesOnlyThatEntry() throws IOException {
        Path segment = segmentOf("a", "b", "c");
        byte[] bytes = Files.readAllBytes(segment);
        int second = frameLength(bytes, 0);
        bytes[second + LogFrames.HEADER + 20] ^= 0x5A;

        LogFrames.Segment read = LogFrames.read(bytes);

        assertThat(decode(read)).extracting(entry -> entry.memory().id()).containsExactly("a", "c");
        assertThat(read.corruption()).singleElement().satisfies(damage -> {
            assertThat(damage.start()).isEqualTo(second);
            assertThat(damage.entriesBefore()).isEqualTo(1);
        });
    }

    @Test
    void aFlippedLengthMidSegmentIsSkippedUpToTheNextIntactEntry() throws IOException {
        Path segment = segmentOf("a", "b", "c", "d");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[frameLength(bytes, 0) + 1] ^= 0x01;

        assertThat(decode(LogFrames.read(bytes))).extracting(entry -> entry.memory().id())
                .containsExactly("a", "c", "d");
    }

    @Test
    void aCompleteLastEntryWithABadChecksumIsCorruptionNotATornTail() throws IOException {
        Path segment = segmentOf("a", "b");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x5A;

        LogFrames.Segment read = LogFrames.read(bytes);

        assertThat(decode(read)).extracting(entry -> entry.memory().id()).containsExactly("a");
        assertThat(read.corruption()).hasSize(1);
    }

    @Test
    void rotatingSealsTheSegmentAndDeletingDropsOnlySealedOnes() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.append(memory("a"), new float[] { 1f });
            long sealed = log.rotate();
            log.sync(log.append(memory("b"), new float[] { 1f }));

            log.deleteThrough(sealed);

            assertThat(dir.resolve("wal-1.log")).doesNotExist();
            assertThat(entries(dir.resolve("wal-2.log"))).extracting(entry -> entry.memory().id())
                    .containsExactly("b");
        }
    }

    @Test
    void aRotationThatCannotOpenTheNextSegmentChangesNothingAndTheLogGoesOn() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.sync(log.append(memory("a"), new float[] { 1f }));
            Files.createFile(dir.resolve("wal-2.log"));

            assertThatThrownBy(log::rotate).isInstanceOf(IOException.class);
            log.sync(log.append(memory("b"), new float[] { 1f }));
            Files.delete(dir.resolve("wal-2.log"));
            assertThat(log.rotate()).isEqualTo(1);
        }
        assertThat(entries(dir.resolve("wal-1.log"))).extracting(entry -> entry.memory().id())
                .containsExactly("a", "b");
    }

    @Test
    void revokedEntriesAreGoneFromTheFileAndLaterOnesFollowTheKeptOnes() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.sync(log.append(memory("a"), new float[] { 1f }));
            WriteAheadLog.Mark mark = log.mark();
            log.append(memory("refused-1"), new float[] { 1f });
            log.append(memory("refused-2"), new float[] { 1f });
            log.revokeFrom(mark);
            log.sync(log.append(memory("b"), new float[] { 1f }));
        }
        LogFrames.Segment read = LogFrames.read(Files.readAllBytes(dir.resolve("wal-1.log")));

        assertThat(decode(read)).extracting(entry -> entry.memory().id()).containsExactly("a", "b");
        assertThat(read.damage()).isEmpty();
    }

    @Test
    void segmentNumbersIgnoreOtherFilesBesideTheLog() throws IOException {
        Files.createFile(dir.resolve("wal-notes.log"));
        Files.createFile(dir.resolve("quarantine-123.log"));
        Files.createFile(dir.resolve("damaged-123-wal-7.log"));
        Files.createFile(dir.resolve("wal-3.log"));

        assertThat(WriteAheadLog.generations(dir)).containsExactly(3L);
    }

    private Path segmentOf(String... ids) throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            for (String id : ids) {
                log.sync(log.append(memory(id), new float[] { 1f, 0f }));
            }
        }
        return dir.resolve("wal-1.log");
    }

    /** The length of the frame starting here, header included. */
    private static int frameLength(byte[] bytes, int start) {
        return LogFrames.HEADER + ByteBuffer.wrap(bytes, start, 4).getInt();
    }

    private static List<WriteAheadLog.Entry> entries(Path segment) throws IOException {
        return decode(LogFrames.read(Files.readAllBytes(segment)));
    }

    private static List<WriteAheadLog.Entry> decode(LogFrames.Segment segment) throws IOException {
        List<WriteAheadLog.Entry> entries = new ArrayList<>();
        for (byte[] payload : segment.payloads()) {
            entries.add(WriteAheadLog.decode(payload));
        }
        return entries;
    }

    private static Memory memory(String id) {
        Instant t = Instant.parse("2026-03-04T05:06:07.089Z");
        return new Memory(id, "u", "text of " + id, MemoryType.EPISODIC, Scope.TASK, "e", "p", "t", List.of("x"),
                Map.of("x", RelationType.SUPERSEDES), List.of("tag"), "active", "high", t, t, false, null, null);
    }
}
