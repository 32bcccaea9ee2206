package dev.minmemory.server.memory;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Counts of a person's live memories: in total, per project (memories of no project are left out), per type, for the
 * most used entities, and per day of creation (UTC, oldest first, days without memories left out).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MemoryOverview(long total, List<Count> byProject, List<Count> byType, List<Count> byEntity,
        List<DayCount> byDay) {

    public record Count(String name, long count) {
    }

    public record DayCount(LocalDate day, long count) {
    }
}
