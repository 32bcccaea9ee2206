package dev.minmemory.server.store.lucene;

import java.io.BufferedInputStream;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.store.MemoryJson;

/**
 * The log that makes a write durable before Lucene commits it, as numbered segment files {@code wal-N.log}.
 * <p>
 * Each entry is a whole memory with its vector, framed by its length and a CRC-32. Concurrent writers share fsyncs:
 * whoever syncs first covers every entry appended before it. {@link #rotate()} seals the current segment so that a
 * Lucene commit can run while new writes go to the next one; {@link #deleteThrough(long)} drops sealed segments once
 * a commit holds their entries. Replay stops at the first torn or corrupt entry: only an unacknowledged write can be
 * torn, because a write is acknowledged after its fsync.
 */
final class WriteAheadLog implements Closeable {

    private static final String PREFIX = "wal-";
    private static final String SUFFIX = ".log";

    private final Path directory;
    private final Object syncLock = new Object();
    private FileChannel channel;
    private long generation;
    private long appended;
    private volatile long synced;

    private WriteAheadLog(Path directory, long generation) throws IOException {
        this.directory = directory;
        this.generation = generation;
        this.channel = openSegment(generation);
    }

    /** Opens the log, starting a new segment after any that a previous run left behind. */
    static WriteAheadLog open(Path directory) throws IOException {
        List<Long> existing = generations(directory);
        return new WriteAheadLog(directory, existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1);
    }

    /** Every complete entry of the segments before the current one, oldest first. */
    List<Entry> readSealed() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (long sealed : generations(directory)) {
            if (sealed < generation) {
                readSegment(segment(sealed), entries);
            }
        }
        return entries;
    }

    /** Appends an entry and returns its sequence number, to be passed to {@link #sync(long)}. */
    synchronized long append(Memory memory, float[] vector) throws IOException {
        byte[] payload = encode(memory, vector);
        ByteBuffer frame = ByteBuffer.allocate(Integer.BYTES + Long.BYTES + payload.length);
        frame.putInt(payload.length).putLong(crc(payload)).put(payload).flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
        return ++appended;
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
            current.force(false);
            synced = Math.max(synced, upTo);
        }
    }

    /** Syncs and seals the current segment, starts the next one, and returns the sealed segment's number. */
    long rotate() throws IOException {
        synchronized (syncLock) {
            synchronized (this) {
                channel.force(false);
                channel.close();
                synced = appended;
                long sealed = generation;
                generation++;
                channel = openSegment(generation);
                return sealed;
            }
        }
    }

    /** Deletes every sealed segment up to and including this number. */
    void deleteThrough(long sealed) throws IOException {
        for (long old : generations(directory)) {
            if (old <= sealed) {
                Files.delete(segment(old));
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

    private FileChannel openSegment(long number) throws IOException {
        return FileChannel.open(segment(number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private Path segment(long number) {
        return directory.resolve(PREFIX + number + SUFFIX);
    }

    private static List<Long> generations(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(PREFIX) && name.endsWith(SUFFIX))
                    .map(name -> Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length())))
                    .sorted()
                    .toList();
        }
    }

    private static void readSegment(Path file, List<Entry> entries) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            long remaining = Files.size(file);
            while (remaining >= Integer.BYTES + Long.BYTES) {
                int length = in.readInt();
                long checksum = in.readLong();
                remaining -= Integer.BYTES + Long.BYTES;
                if (length <= 0 || length > remaining) {
                    return;
                }
                byte[] payload = in.readNBytes(length);
                remaining -= length;
                if (crc(payload) != checksum) {
                    return;
                }
                entries.add(decode(payload));
            }
        }
    }

    private static byte[] encode(Memory memory, float[] vector) throws IOException {
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

    private static Entry decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte[] json = in.readNBytes(in.readInt());
            float[] vector = new float[in.readInt()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = in.readFloat();
            }
            return new Entry(MemoryJson.read(json), vector);
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
