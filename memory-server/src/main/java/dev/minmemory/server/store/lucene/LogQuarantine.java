package dev.minmemory.server.store.lucene;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where replay puts the log entries the index refuses, so that one bad entry never stops the server from starting:
 * a file {@code quarantine-<millis>.log} beside the log, in the log's own frame format, so the bytes are kept for an
 * operator to inspect or repair. Created only when there is something to keep.
 */
final class LogQuarantine {

    private static final Pattern FILE = Pattern.compile("quarantine-\\d+\\.log");

    private final Path file;
    private FileChannel channel;
    private int count;

    LogQuarantine(Path directory) {
        this.file = directory.resolve("quarantine-" + System.currentTimeMillis() + ".log");
    }

    void keep(byte[] payload) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        ByteBuffer frame = LogFrames.frame(payload);
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
        count++;
    }

    /** Makes what was kept durable; call before the log segments that held it are deleted. */
    void close() throws IOException {
        if (channel != null) {
            channel.force(true);
            channel.close();
        }
    }

    int count() {
        return count;
    }

    Path file() {
        return file;
    }

    /** The entries in every quarantine file of the directory: what readiness reports until an operator clears them. */
    static int entriesIn(Path directory) throws IOException {
        int entries = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path quarantined : files.filter(f -> FILE.matcher(f.getFileName().toString()).matches()).toList()) {
                entries += LogFrames.read(Files.readAllBytes(quarantined)).payloads().size();
            }
        }
        return entries;
    }
}
