package dev.minmemory.server.memory;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.minmemory.server.memory.MemoryOverview.Count;
import dev.minmemory.server.memory.MemoryOverview.DayCount;

/** Tallies memories into a {@link MemoryOverview}: projects and types by name, the top entities by count. */
final class MemoryOverviewTally {

    static final int TOP_ENTITIES = 20;

    private final Map<String, Long> projects = new TreeMap<>();
    private final Map<String, Long> types = new TreeMap<>();
    private final Map<String, Long> entities = new TreeMap<>();
    private final Map<LocalDate, Long> days = new TreeMap<>();
    private long total;

    void add(Memory memory) {
        total++;
        if (memory.project() != null) {
            projects.merge(memory.project(), 1L, Long::sum);
        }
        types.merge(memory.memoryType().wireName(), 1L, Long::sum);
        entities.merge(memory.entity(), 1L, Long::sum);
        days.merge(LocalDate.ofInstant(memory.createdAt(), ZoneOffset.UTC), 1L, Long::sum);
    }

    MemoryOverview overview() {
        return new MemoryOverview(total, counts(projects), counts(types),
                counts(entities).stream()
                        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::name))
                        .limit(TOP_ENTITIES).toList(),
                days.entrySet().stream().map(day -> new DayCount(day.getKey(), day.getValue())).toList());
    }

    private static List<Count> counts(Map<String, Long> byName) {
        return byName.entrySet().stream().map(entry -> new Count(entry.getKey(), entry.getValue())).toList();
    }
}
