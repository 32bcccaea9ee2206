package dev.minmemory.server.console;

import dev.minmemory.server.memory.MemoryRequestException;

/** The console's reading of query parameters: an empty value is a parameter left out, as a form sends it. */
final class QueryParameters {

    private QueryParameters() {
    }

    static String given(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The limit, or the default when left out; refused outside 1..100. */
    static int limit(String value, int defaultLimit) {
        String given = given(value);
        if (given == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(given);
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new MemoryRequestException("limit must be a whole number from 1 to 100, not '" + value + "'.");
    }
}
