package dev.minmemory.server.tools;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.memory.LinkedMemory;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.RelationType;
import dev.minmemory.server.memory.RetrievedMemory;
import dev.minmemory.server.memory.Scope;

/**
 * A retrieval hit: the memory, its scores and its live linked memories; {@code superseded_by} names the newest memory
 * that supersedes it, if one does.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetrievedMemoryView(String id, String text, MemoryType memoryType, Scope scope, String entity,
        String project, String taskId, List<String> tags, String status, String priority, Instant createdAt,
        Instant updatedAt, String supersededBy, double score, double similarity, List<Related> related) {

    static RetrievedMemoryView of(RetrievedMemory hit) {
        Memory m = hit.memory();
        return new RetrievedMemoryView(m.id(), m.text(), m.memoryType(), m.scope(), m.entity(), m.project(),
                m.taskId(), m.tags(), m.status(), m.priority(), m.createdAt(), m.updatedAt(), m.supersededBy(),
                round(hit.score()),
                round(hit.similarity()), hit.related().stream().map(Related::of).toList());
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    /**
     * A linked memory. {@code direction} is "outgoing" when this memory links to it ("this supports that"), "incoming"
     * when it links to this memory ("that supports this").
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Related(String id, RelationType relation, String direction, String text, MemoryType memoryType,
            Scope scope, String entity, String project) {

        static Related of(LinkedMemory link) {
            Memory m = link.memory();
            return new Related(m.id(), link.relation(), link.outgoing() ? "outgoing" : "incoming", m.text(),
                    m.memoryType(), m.scope(), m.entity(), m.project());
        }
    }
}
