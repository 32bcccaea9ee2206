package dev.minmemory.server.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts the live memories of each entity, with the first creation and the last update among them, by name. */
public final class EntityUsageTally {

    private final Map<String, Usage> byName = new TreeMap<>();

    public void add(String entity, long createdMillis, long updatedMillis) {
        byName.computeIfAbsent(entity, name -> new Usage()).add(createdMillis, updatedMillis);
    }

    /** Every entity seen, ordered by name. */
    public List<EntityUsage> usages() {
        return byName.entrySet().stream().map(entry -> entry.getValue().toUsage(entry.getKey())).toList();
    }

    private static final class Usage {
        private long count;
        private long firstSeen = Long.MAX_VALUE;
        private long lastUpdated = Long.MIN_VALUE;

        void add(long created, long updated) {
            count++;
            firstSeen = Math.min(firstSeen, created);
            lastUpdated = Math.max(lastUpdated, updated);
        }

        EntityUsage toUsage(String entity) {
            return new EntityUsage(entity, count, Instant.ofEpochMilli(firstSeen), Instant.ofEpochMilli(lastUpdated));
        }
    }
}
