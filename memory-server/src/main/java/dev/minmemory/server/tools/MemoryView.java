package dev.minmemory.server.tools;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.RelationType;
import dev.minmemory.server.memory.Scope;

/** A memory as tools show it; {@code superseded_by} names the newest memory that supersedes it, if one does. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoryView(String id, String text, MemoryType memoryType, Scope scope, String entity, String project,
        String taskId, List<String> tags, String status, String priority, Instant createdAt, Instant updatedAt,
        List<String> relatedTo, Map<String, RelationType> relationTypes, String supersededBy) {

    public static MemoryView of(Memory m) {
        return new MemoryView(m.id(), m.text(), m.memoryType(), m.scope(), m.entity(), m.project(), m.taskId(),
                m.tags(), m.status(), m.priority(), m.createdAt(), m.updatedAt(), m.relatedTo(), m.relationTypes(),
                m.supersededBy());
    }

    /** A short title for connector-style result lists: the entity and the start of the text. */
    static String title(Memory m) {
        String firstLine = m.text().strip().lines().findFirst().orElse("");
        String start = firstLine.length() > 80 ? firstLine.substring(0, 77) + "..." : firstLine;
        return m.entity() + ": " + start;
    }

    /** The address connector-style clients cite; {@code fetch} with the id returns the memory behind it. */
    static String url(Memory m) {
        return "memory://" + m.id();
    }
}
