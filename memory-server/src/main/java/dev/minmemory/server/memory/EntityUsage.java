package dev.minmemory.server.memory;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** How much one entity name is used: number of live memories, when it first appeared and when it last changed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EntityUsage(String entity, long count, Instant firstSeen, Instant lastUpdated) {
}
