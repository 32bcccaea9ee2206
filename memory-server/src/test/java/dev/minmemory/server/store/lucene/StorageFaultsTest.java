package dev.minmemory.server.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.StorageUnavailableException;
import dev.minmemory.server.memory.StoreStatus;
import dev.minmemory.server.memory.StoredMemory;
import dev.minmemory.server.testing.Eventually;
import dev.minmemory.server.testing.Layouts;
import dev.minmemory.server.testing.RandomVectors;
import dev.minmemory.server.testing.ReadOnlyFiles;

/**
 * Storage faults injected for real into the embedded store's files: a record the index refuses, a flipped byte, a
 * torn tail, a read-only directory, a log that cannot be written, an index writer that fails for good. Each asserts
 * that the store starts, that every acknowledged intact write is there, that nothing the caller was told failed
 * appears, and that health says what is going on. "A crash" is a copy of the files without the lock, taken while the
 * store runs: what kill -9 leaves (the whole-process version is {@link StoreProcessFaultsTest}).
 */
class StorageFaultsTest {

    @TempDir
    Path root;
    private final Random random = new Random(11);
    private final List<LuceneMemoryStore> open = new ArrayList<>();

    @AfterEach
    void closeStores() {
        open.forEach(store -> {
            try {
                store.close();
            } catch (RuntimeException ignored) {
                // a store whose writer failed may not close cleanly; the test has said what it had to
            }
        });
    }

    @Test
    void aLoggedRecordTheIndexRefusesIsQuarantinedAndTheStoreStartsWithEverythingElse() throws IOException {
        Path dir = root.resolve("live");
        LuceneMemoryStore live = open(dir);
        Memory before = save(live, memory("acknowledged before"));
        Path crashed = crashCopy(dir);
        Memory poison = withTag(memory("a tag Lucene refuses"), "x".repeat(40_000));
        Memory after = memory("acknowledged after");
        try (WriteAheadLog log = WriteAheadLog.open(crashed)) {
            log.sync(log.append(poison, randomUnitVector()));
            log.sync(log.append(after, randomUnitVector()));
        }

        LuceneMemoryStore recovered = open(crashed);

        assertThat(recovered.find("u", before.id())).contains(before);
        assertThat(recovered.find("u", after.id())).contains(after);
        assertThat(recovered.find("u", poison.id())).isEmpty();
        assertThat(filesMatching(crashed, "quarantine-\\d+\\.log")).singleElement().satisfies(file -> assertThat(
                LogFrames.read(Files.readAllBytes(file)).payloads()).singleElement()
                .satisfies(payload -> assertThat(WriteAheadLog.decode(payload).memory()).isEqualTo(poison)));
        StoreStatus health = recovered.health();
        assertThat(health.ready()).isTrue();
        assertThat(health.details()).containsEntry("quarantined_log_entries", 1);
        assertThat(filesMatching(crashed, "wal-\\d+\\.log")).singleElement()
                .satisfies(segment -> assertThat(Files.size(segment)).isZero());
    }

    @Test
    void aFlippedByteMidSegmentLosesOnlyItsRecordAndTheDamagedSegmentIsKept() throws IOException {
        // The log as a crash leaves it before any commit: ten synced (acknowledged) entries.
        Path crashed = root.resolve("crashed");
        Files.createDirectories(crashed);
        List<Memory> acknowledged = new ArrayList<>();
        try (WriteAheadLog log = WriteAheadLog.open(crashed)) {
            for (int i = 0; i < 10; i++) {
                acknowledged.add(memory("acknowledged " + i));
                log.sync(log.append(acknowledged.get(i), randomUnitVector()));
            }
        }
        Path segment = crashed.resolve("wal-1.log");
        byte[] bytes = Files.readAllBytes(segment);
        int fourth = 0;
        for (int i = 0; i < 3; i++) {
            fourth += LogFrames.HEADER + ByteBuffer.wrap(bytes, fourth, 4).getInt();
        }
        bytes[fourth + LogFrames.HEADER + 30] ^= 0x20;
        Files.write(segment, bytes);

        LuceneMemoryStore recovered = open(crashed);

        for (int i = 0; i < 10; i++) {
            assertThat(recovered.find("u", acknowledged.get(i).id())).as("memory %d", i)
                    .isEqualTo(i == 3 ? Optional.empty() : Optional.of(acknowledged.get(i)));
        }
        assertThat(filesMatching(crashed, "damaged-\\d+-wal-\\d+\\.log")).singleElement()
                .satisfies(kept -> assertThat(Files.readAllBytes(kept)).isEqualTo(bytes));
        assertThat(recovered.health().details()).containsEntry("damaged_log_segments", 1);
    }

    @Test
    void aTornTailIsTheNormalEndOfACrashedLog() throws IOException {
        Path dir = root.resolve("live");
        LuceneMemoryStore live = open(dir);
        Memory acknowledged = save(live, memory("acknowledged"));
        Path crashed = crashCopy(dir);
        Path segment = filesMatching(crashed, "wal-\\d+\\.log").get(0);
        byte[] torn = LogFrames.frame(WriteAheadLog.encode(memory("never acknowledged"), randomUnitVector())).array();
        Files.write(segment, Arrays.copyOf(torn, torn.length / 2), StandardOpenOption.APPEND);

        LuceneMemoryStore recovered = open(crashed);

        assertThat(recovered.find("u", acknowledged.id())).contains(acknowledged);
        assertThat(filesMatching(crashed, "damaged-.*")).isEmpty();
        assertThat(recovered.health().details()).containsEntry("damaged_log_segments", 0)
                .containsEntry("quarantined_log_entries", 0);
    }

    @Test
    void aCommitThatFailsWhileTheDirectoryIsReadOnlyLosesNothingAndResumesOnceItIsWritable() throws IOException {
        Path dir = root.resolve("live");
        LuceneMemoryStore live = open(dir);
        Memory first = save(live, memory("indexed, not yet committed"));
        try (ReadOnlyFiles readOnly = ReadOnlyFiles.directory(dir)) {
            Eventually.within(Duration.ofSeconds(20),
                    () -> live.health().problem().filter(p -> p.contains("commits are failing")).isPresent());
            assertThat(live.health().ready()).as("the write is durable in the log and readable").isTrue();
            assertThat(live.find("u", first.id())).contains(first);
        }
        Eventually.within(Duration.ofSeconds(20), () -> live.health().problem().isEmpty());
        Memory second = save(live, memory("after the directory is writable again"));

        LuceneMemoryStore recovered = open(crashCopy(dir));

        assertThat(recovered.find("u", first.id())).contains(first);
        assertThat(recovered.find("u", second.id())).contains(second);
    }

    @Test
    void aLogThatCannotBeWrittenRefusesWritesWithReadinessDownAndRecoversWhenItCanBe() throws IOException {
        Path dir = root.resolve("live");
        LuceneMemoryStore live = open(dir);
        Memory before = save(live, memory("before"));
        Memory refused = memory("refused");
        try (ReadOnlyFiles readOnly = ReadOnlyFiles.directoryAndFiles(dir)) {
            assertThatThrownBy(() -> live.save(refused, randomUnitVector()))
                    .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("write-ahead log");
            StoreStatus down = live.health();
            assertThat(down.ready()).isFalse();
            assertThat(down.live()).isTrue();
            assertThat(down.problem()).hasValueSatisfying(p -> assertThat(p).contains("write-ahead log")
                    .doesNotContain(dir.toString()));
        }
        Eventually.within(Duration.ofSeconds(20), () -> live.health().ready());
        Memory after = save(live, memory("after"));

        LuceneMemoryStore recovered = open(crashCopy(dir));

        assertThat(recovered.find("u", before.id())).contains(before);
        assertThat(recovered.find("u", after.id())).contains(after);
        assertThat(recovered.find("u", refused.id())).isEmpty();
    }

    @Test
    void writesWhileTheDirectoryIsReadOnlyFailTheIndexWriterForGoodTurningLivenessDownAndNeverComeBack()
            throws IOException {
        Path dir = root.resolve("live");
        LuceneMemoryStore live = open(dir);
        Memory before = save(live, memory("before"));
        // A new write needs new index files, which the read-only directory refuses: a tragic event for the index
        // writer, as running out of file descriptors is.
        List<StoredMemory> batch = List.of(new StoredMemory(memory("refused 1"), randomUnitVector()),
                new StoredMemory(memory("refused 2"), randomUnitVector()));
        try (ReadOnlyFiles readOnly = ReadOnlyFiles.directory(dir)) {
            assertThatThrownBy(() -> live.saveAll(batch)).isInstanceOf(StorageUnavailableException.class);
            StoreStatus failed = live.health();
            assertThat(failed.live()).isFalse();
            assertThat(failed.ready()).isFalse();
            assertThat(failed.problem()).hasValueSatisfying(p -> assertThat(p).contains("index writer failed")
                    .doesNotContain(dir.toString()));
            assertThatThrownBy(() -> live.save(memory("after the failure"), randomUnitVector()))
                    .isInstanceOf(StorageUnavailableException.class);
        }

        LuceneMemoryStore restarted = open(crashCopy(dir));

        assertThat(restarted.find("u", before.id())).contains(before);
        batch.forEach(stored -> assertThat(restarted.find("u", stored.memory().id())).isEmpty());
        assertThat(restarted.health().live()).isTrue();
    }

    private LuceneMemoryStore open(Path dir) {
        LuceneMemoryStore store = LuceneMemoryStore.open(dir, Layouts.NEW_STORE);
        open.add(store);
        return store;
    }

    private Memory save(LuceneMemoryStore store, Memory memory) {
        store.save(memory, randomUnitVector());
        return memory;
    }

    /**
     * The files on disk, minus the lock that only a live process holds: what kill -9 would leave. Copied again if a
     * background commit removed a file meanwhile, so that the copy is one moment's state.
     */
    private Path crashCopy(Path from) throws IOException {
        for (int attempt = 1;; attempt++) {
            Path to = root.resolve("crashed-" + UUID.randomUUID());
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
                return to;
            } catch (NoSuchFileException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static List<Path> filesMatching(Path dir, String pattern) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(pattern)).sorted().toList();
        }
    }

    private static Memory memory(String text) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Memory(UUID.randomUUID().toString(), "u", text, MemoryType.EPISODIC, Scope.GLOBAL, "e", null, null,
                List.of(), Map.of(), List.of("tag"), "active", null, t, t, false, null, null);
    }

    private static Memory withTag(Memory m, String tag) {
        return new Memory(m.id(), m.user(), m.text(), m.memoryType(), m.scope(), m.entity(), m.project(), m.taskId(),
                m.relatedTo(), m.relationTypes(), List.of(tag), m.status(), m.priority(), m.createdAt(), m.updatedAt(),
                m.deleted(), m.deletedAt(), null);
    }

    private float[] randomUnitVector() {
        return RandomVectors.unit(random);
    }
}
