package dev.minmemory.server.memory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;

/**
 * The opaque cursor of a listing page: the creation time and id of the page's last memory, base64url, marked as one
 * of ours. Listings run newest first, ties by id descending, so the position stays exact when memories are added.
 */
final class BrowseCursor {

    static final Comparator<Memory> NEWEST_FIRST = Comparator.comparing(Memory::createdAt)
            .thenComparing(Memory::id).reversed();
    private static final String PREFIX = "memories-after:";

    private final Instant createdAt;
    private final String id;

    private BrowseCursor(Instant createdAt, String id) {
        this.createdAt = createdAt;
        this.id = id;
    }

    static String encode(Memory last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + last.createdAt().toEpochMilli() + ":"
                + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** The position after the previous page's last memory; refuses a cursor this server did not give out. */
    static BrowseCursor decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = decoded.indexOf(':', PREFIX.length());
            if (decoded.startsWith(PREFIX) && separator > 0) {
                return new BrowseCursor(
                        Instant.ofEpochMilli(Long.parseLong(decoded.substring(PREFIX.length(), separator))),
                        decoded.substring(separator + 1));
            }
        } catch (IllegalArgumentException e) {
            // answered below, like any other cursor this server did not give out
        }
        throw new MemoryRequestException("cursor '" + cursor + "' is not one this server gave out: pass the"
                + " next_cursor of the previous page, or leave it out to start from the first page.");
    }

    /** Whether the memory comes after this position in a listing: older, or as old with a smaller id. */
    boolean precedes(Memory memory) {
        int byTime = memory.createdAt().compareTo(createdAt);
        return byTime < 0 || (byTime == 0 && memory.id().compareTo(id) < 0);
    }
}
