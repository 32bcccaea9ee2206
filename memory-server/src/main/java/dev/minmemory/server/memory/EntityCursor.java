package dev.minmemory.server.memory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of an entity page: the last entity name of the page, base64url, marked as one of ours. */
final class EntityCursor {

    /** Marks a cursor as one of ours, so that a made-up one is refused instead of read as a position. */
    private static final String PREFIX = "entities-after:";

    private EntityCursor() {
    }

    static String encode(String lastEntity) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastEntity).getBytes(StandardCharsets.UTF_8));
    }

    /** The last entity name of the previous page; refuses a cursor this server did not give out. */
    static String decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return decoded.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // answered below, like any other cursor this server did not give out
        }
        throw new MemoryRequestException("cursor '" + cursor + "' is not one this server gave out: pass the"
                + " next_cursor of the previous page, or leave it out to start from the first page.");
    }
}
