package dev.minmemory.server.store.lucene;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.store.MemoryJson;

/**
 * The log that makes a write durable before Lucene commits it, as numbered segment files {@code wal-N.log}.
 * <p>
 * Each entry is a whole memory with its vector, framed by its length and a CRC-32 ({@link LogFrames}). Concurrent
 * writers share fsyncs: whoever syncs first covers every entry appended before it. {@link #rotate()} seals the current
 * segment so that a Lucene commit can run while new writes go to the next one; {@link #deleteThrough(long)} drops
 * sealed segments once a commit holds their entries. {@link LogReplay} reads what a previous run left.
 * <p>
 * A failure never leaves the log unusable for good: rotation opens the next segment before it lets go of the current
 * one; a failed append is cut off again and the log refuses appends until {@link #probe()} has started a fresh
 * segment and synced it. Meanwhile {@link #durabilityProblem()} says why writes cannot be made durable.
 */
final class WriteAheadLog implements Closeable {

    private static final Pattern SEGMENT = Pattern.compile("wal-(\\d+)\\.log");

    private final Path directory;
    private final Object syncLock = new Object();
    private FileChannel channel;
    private long generation;
    /** Bytes of whole entries in the current segment: where the next entry starts. */
    private long size;
    private long appended;
    /** Set by a failed append: the current segment may end in a partial entry, so appends wait for a fresh one. */
    private boolean needsFreshSegment;
    private volatile long synced;
    private volatile String durabilityProblem;

    private WriteAheadLog(Path directory, long generation) throws IOException {
        this.directory = directory;
        this.generation = generation;
        this.channel = openSegment(generation);
    }

    /**
     * Opens the log with a new segment after any that a previous run left behind. Call it once those are replayed:
     * a start that fails before leaves no new, empty segment behind.
     */
    static WriteAheadLog open(Path directory) throws IOException {
        List<Long> existing = generations(directory);
        return new WriteAheadLog(directory, existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1);
    }

    /** Appends an entry and returns its sequence number, to be passed to {@link #sync(long)}. */
    synchronized long append(Memory memory, float[] vector) throws IOException {
        if (needsFreshSegment) {
            throw new IOException("The write-ahead log is not writable (" + durabilityProblem + ")");
        }
        ByteBuffer frame = LogFrames.frame(encode(memory, vector));
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            durabilityProblem = "cannot append to the write-ahead log: " + WriterHealth.describe(e);
            needsFreshSegment = true;
            cutBackTo(size);
            throw e;
        }
        size += frame.limit();
        return ++appended;
    }

    /** Where the next entry will start, for {@link #revokeFrom(Mark)}. */
    synchronized Mark mark() {
        return new Mark(generation, size);
    }

    /**
     * Takes back every entry appended since the mark, which the index refused: a write the caller is told failed
     * must not come back on the next start. The caller holds the lock that orders appends.
     */
    synchronized void revokeFrom(Mark mark) throws IOException {
        if (mark.generation() != generation || !cutBackTo(mark.size())) {
            needsFreshSegment = true;
            if (durabilityProblem == null) {
                durabilityProblem = "a refused write could not be taken back out of the write-ahead log";
            }
            throw new IOException("Cannot take a refused write back out of the write-ahead log");
        }
        size = mark.size();
        channel.force(false);
    }

    /** The sequence number of the last entry appended. */
    synchronized long appended() {
        return appended;
    }

    /** Returns once the entry with this sequence number, and every one before it, is on disk. */
    void sync(long sequence) throws IOException {
        if (synced >= sequence) {
            return;
        }
        synchronized (syncLock) {
            if (synced >= sequence) {
                return;
            }
            FileChannel current;
            long upTo;
            synchronized (this) {
                current = channel;
                upTo = appended;
            }
            try {
                current.force(false);
            } catch (IOException e) {
                durabilityProblem = "cannot flush the write-ahead log to disk: " + WriterHealth.describe(e);
                throw e;
            }
            synced = Math.max(synced, upTo);
            durabilityProblem = null;
        }
    }

    /**
     * Syncs and seals the current segment, continues in the next one, and returns the sealed segment's number. The
     * next segment is opened first: if it cannot be, nothing changes and writes go on into the current segment.
     */
    long rotate() throws IOException {
        synchronized (syncLock) {
            synchronized (this) {
                channel.force(false);
                FileChannel next = openSegment(generation + 1);
                long sealed = generation;
                switchTo(next, generation + 1);
                synced = appended;
                return sealed;
            }
        }
    }

    /**
     * Checks, after a failure, whether writes can be made durable again: starts a fresh segment (the current one may
     * end in a partial entry) and syncs it. True when they can; appends are accepted again.
     */
    boolean probe() {
        synchronized (syncLock) {
            synchronized (this) {
                try {
                    channel.force(false);
                    switchTo(openSegment(generation + 1), generation + 1);
                    needsFreshSegment = false;
                    channel.force(false);
                    synced = appended;
                    durabilityProblem = null;
                    return true;
                } catch (IOException e) {
                    durabilityProblem = "the write-ahead log is still not writable: " + WriterHealth.describe(e);
                    return false;
                }
            }
        }
    }

    /** Why writes may not be durable right now, if they may not. */
    Optional<String> durabilityProblem() {
        return Optional.ofNullable(durabilityProblem);
    }

    /** Deletes every sealed segment up to and including this number. */
    void deleteThrough(long sealed) throws IOException {
        for (long old : generations(directory)) {
            if (old <= sealed) {
                Files.delete(segment(directory, old));
            }
        }
    }

    /** Deletes every segment before the current one. */
    synchronized void deleteSealed() throws IOException {
        deleteThrough(generation - 1);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    record Entry(Memory memory, float[] vector) {
    }

    record Mark(long generation, long size) {
    }

    static Path segment(Path directory, long number) {
        return directory.resolve("wal-" + number + ".log");
    }

    /** The numbers of the segments in the directory, in order. */
    static List<Long> generations(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> SEGMENT.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(name -> Long.parseLong(name.group(1)))
                    .sorted()
                    .toList();
        }
    }

    static Entry decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte[] json = in.readNBytes(in.readInt());
            float[] vector = new float[in.readInt()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = in.readFloat();
            }
            return new Entry(MemoryJson.read(json), vector);
        }
    }

    static byte[] encode(Memory memory, float[] vector) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] json = MemoryJson.write(memory);
            out.writeInt(json.length);
            out.write(json);
            out.writeInt(vector.length);
            for (float value : vector) {
                out.writeFloat(value);
            }
        }
        return bytes.toByteArray();
    }

    private void switchTo(FileChannel next, long nextGeneration) {
        FileChannel previous = channel;
        channel = next;
        generation = nextGeneration;
        size = 0;
        try {
            previous.close();
        } catch (IOException ignored) {
            // the previous segment was synced or is abandoned: closing it cannot lose anything more
        }
    }

    /** Cuts a partial or refused entry off the current segment; false if it cannot be. */
    private boolean cutBackTo(long length) {
        try {
            channel.truncate(length);
            channel.position(length);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private FileChannel openSegment(long number) throws IOException {
        return FileChannel.open(segment(directory, number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
