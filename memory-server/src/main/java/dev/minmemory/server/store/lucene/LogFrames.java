package dev.minmemory.server.store.lucene;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the write-ahead log frames an entry: its length (4 bytes), the CRC-32 of the payload (8 bytes), the payload.
 * Reading finds every intact frame of a segment, also after damage: past a frame that does not check out, it looks
 * for the next position where one does.
 */
final class LogFrames {

    static final int HEADER = Integer.BYTES + Long.BYTES;
    /** Far above any entry the bounds on a memory allow; a length beyond it is damage, not an entry. */
    static final int MAX_PAYLOAD = 16 << 20;

    private LogFrames() {
    }

    static ByteBuffer frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(payload.length).putLong(WriteAheadLog.crc(payload, 0, payload.length)).put(payload).flip();
        return frame;
    }

    /** The intact payloads of a segment in order, and the byte ranges between them that are not intact. */
    static Segment read(byte[] bytes) {
        List<byte[]> payloads = new ArrayList<>();
        List<Damage> damage = new ArrayList<>();
        int position = 0;
        while (position < bytes.length) {
            int length = intactLength(bytes, position);
            if (length >= 0) {
                payloads.add(Arrays.copyOfRange(bytes, position + HEADER, position + HEADER + length));
                position += HEADER + length;
                continue;
            }
            int next = position + 1;
            while (next < bytes.length && intactLength(bytes, next) < 0) {
                next++;
            }
            damage.add(new Damage(position, next, next == bytes.length && isIncomplete(bytes, position),
                    payloads.size()));
            position = next;
        }
        return new Segment(payloads, damage);
    }

    /** What a segment holds: its intact payloads, and its damaged ranges. */
    record Segment(List<byte[]> payloads, List<Damage> damage) {

        /** Damage other than a torn tail: bytes that were once whole entries. */
        List<Damage> corruption() {
            return damage.stream().filter(range -> !range.tornTail()).toList();
        }
    }

    /**
     * Bytes {@code [start, end)} that hold no intact entry. A torn tail, the beginning of an entry the process was
     * writing when it stopped, is the normal end of a log after a crash: that entry was never acknowledged.
     * {@code entriesBefore} counts the intact entries of the segment before it.
     */
    record Damage(int start, int end, boolean tornTail, int entriesBefore) {

        int length() {
            return end - start;
        }
    }

    /** The payload length of the intact frame starting here, or -1. */
    private static int intactLength(byte[] bytes, int position) {
        if (bytes.length - position < HEADER) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, position, HEADER);
        int length = header.getInt();
        long checksum = header.getLong();
        if (length <= 0 || length > MAX_PAYLOAD || length > bytes.length - position - HEADER) {
            return -1;
        }
        return WriteAheadLog.crc(bytes, position + HEADER, length) == checksum ? length : -1;
    }

    /** Whether the bytes from here to the end are the beginning of a frame that was never finished. */
    private static boolean isIncomplete(byte[] bytes, int position) {
        if (bytes.length - position < HEADER) {
            return true;
        }
        int length = ByteBuffer.wrap(bytes, position, Integer.BYTES).getInt();
        return length > bytes.length - position - HEADER && length <= MAX_PAYLOAD;
    }
}
