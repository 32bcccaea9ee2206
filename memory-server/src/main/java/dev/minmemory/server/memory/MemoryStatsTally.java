package dev.minmemory.server.memory;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Counts live memories by type and keeps the last update among them. */
public final class MemoryStatsTally {

    private final Map<MemoryType, Long> counts = new EnumMap<>(MemoryType.class);
    private long lastUpdated = Long.MIN_VALUE;

    public void add(MemoryType type, long updatedMillis) {
        counts.merge(type, 1L, Long::sum);
        lastUpdated = Math.max(lastUpdated, updatedMillis);
    }

    public MemoryStats stats() {
        return new MemoryStats(counts, lastUpdated == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastUpdated));
    }
}
