package dev.minmemory.server.store.lucene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.jboss.logging.Logger;

/**
 * Brings what the last run logged but did not commit into the index, at start-up, without ever refusing to start
 * because of one entry:
 * <ul>
 * <li>an entry the index refuses (or that cannot be read although its checksum holds) goes to the
 * {@link LogQuarantine}, with a WARN naming the count and the file;</li>
 * <li>damage inside a segment is skipped and every intact entry after it is recovered; the segment is kept, renamed
 * {@code damaged-<millis>-wal-N.log}, with an ERROR saying where the damage is and which writes it held;</li>
 * <li>a torn tail, the entry being written when the process stopped, is the normal end of a crashed run.</li>
 * </ul>
 * The index is committed before any segment is renamed or deleted.
 */
final class LogRecovery {

    private static final Logger LOG = Logger.getLogger(LogRecovery.class);
    private static final Pattern DAMAGED = Pattern.compile("damaged-\\d+-wal-\\d+\\.log");
    /** How a record names its memory in the log's JSON: the first field. */
    private static final Pattern MEMORY_ID = Pattern.compile("\\{\"id\":\"([^\"]{1,64})\"");

    private LogRecovery() {
    }

    /** Replays every segment of the directory into the index and commits it; the segments are left to the caller. */
    static void replay(Path directory, IndexWriter writer) throws IOException {
        LogQuarantine quarantine = new LogQuarantine(directory);
        List<Runnable> keepDamaged = new ArrayList<>();
        int recovered = 0;
        for (long generation : WriteAheadLog.generations(directory)) {
            Path segment = WriteAheadLog.segment(directory, generation);
            byte[] bytes = Files.readAllBytes(segment);
            LogFrames.Segment read = LogFrames.read(bytes);
            for (byte[] payload : read.payloads()) {
                if (apply(payload, writer)) {
                    recovered++;
                } else {
                    quarantine.keep(payload);
                }
            }
            if (!read.corruption().isEmpty()) {
                keepDamaged.add(() -> keepDamaged(segment, bytes, read));
            }
        }
        writer.commit();
        quarantine.close();
        if (recovered > 0) {
            LOG.infof("Recovered %d writes from the write-ahead log", recovered);
        }
        if (quarantine.count() > 0) {
            LOG.warnf("Quarantined %d write-ahead log entries that the index refused: their bytes are in %s. The server"
                    + " started without them; see docs/TROUBLESHOOTING.md", quarantine.count(), quarantine.file());
        }
        keepDamaged.forEach(Runnable::run);
    }

    /** The damaged log segments kept in the directory. */
    static int damagedSegmentsIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return (int) files.filter(f -> DAMAGED.matcher(f.getFileName().toString()).matches()).count();
        }
    }

    /** True if the entry is in the index; false if it must be quarantined. A failed index is not an entry's fault. */
    private static boolean apply(byte[] payload, IndexWriter writer) throws IOException {
        try {
            WriteAheadLog.Entry entry = WriteAheadLog.decode(payload);
            writer.updateDocument(new Term(MemoryDocument.ID, entry.memory().id()),
                    MemoryDocument.of(entry.memory(), entry.vector()));
            return true;
        } catch (IOException | RuntimeException e) {
            if (writer.getTragicException() != null || !writer.isOpen()) {
                throw e;
            }
            LOG.warnf("A write-ahead log entry cannot be recovered (%s); it is quarantined", e.getMessage());
            return false;
        }
    }

    private static void keepDamaged(Path segment, byte[] bytes, LogFrames.Segment read) {
        Path kept = segment.resolveSibling("damaged-" + System.currentTimeMillis() + "-" + segment.getFileName());
        List<String> ranges = new ArrayList<>();
        Set<String> lostIds = new LinkedHashSet<>();
        for (LogFrames.Damage damage : read.corruption()) {
            ranges.add("bytes " + damage.start() + "-" + damage.end() + " (" + damage.length() + " bytes, after "
                    + damage.entriesBefore() + " intact entries)");
            Matcher id = MEMORY_ID.matcher(new String(bytes, damage.start(), damage.length(),
                    StandardCharsets.ISO_8859_1));
            while (id.find()) {
                lostIds.add(id.group(1));
            }
        }
        int after = read.payloads().size() - read.corruption().get(0).entriesBefore();
        try {
            Files.move(segment, kept);
        } catch (IOException e) {
            LOG.errorf("Cannot keep the damaged write-ahead log segment %s as %s: %s", segment, kept, e);
            kept = segment;
        }
        LOG.errorf("The write-ahead log segment %s is damaged: %s. The writes in the damaged bytes are lost%s;"
                + " the %d intact entries after the first damage were recovered. The segment is kept as %s; see"
                + " docs/TROUBLESHOOTING.md", segment.getFileName(), String.join(", ", ranges),
                lostIds.isEmpty() ? " (no memory id is readable in them)" : " (memory ids readable in them: "
                        + String.join(", ", lostIds) + ")",
                after, kept);
    }
}
