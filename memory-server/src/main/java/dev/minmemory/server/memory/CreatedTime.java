package dev.minmemory.server.memory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A bound on when memories were created, as a caller writes it: an ISO-8601 instant or a date (midnight UTC). */
public final class CreatedTime {

    private CreatedTime() {
    }

    /** The instant, or null when no value is given; a malformed value is a request error naming the argument. */
    public static Instant parse(String argument, String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MemoryRequestException(argument + " must be an ISO-8601 instant such as 2026-11-25T14:30:00Z"
                    + " (an offset such as +01:00 instead of Z is fine) or a date such as 2026-11-25 (midnight UTC);"
                    + " got '" + value + "'.");
        }
    }

    /** Refuses bounds that no memory could satisfy. */
    static void requireOrdered(Instant after, Instant before) {
        if (after != null && before != null && !after.isBefore(before)) {
            throw new MemoryRequestException("created_after (" + after + ") must be earlier than created_before ("
                    + before + ").");
        }
    }
}
