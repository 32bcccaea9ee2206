package dev.minmemory.server.memory;

import java.time.Instant;
import java.util.Map;

/** Number of live memories by type, and the most recent update among them (null when there are none). */
public record MemoryStats(Map<MemoryType, Long> countsByType, Instant lastUpdated) {

    public long total() {
        return countsByType.values().stream().mapToLong(Long::longValue).sum();
    }
}
