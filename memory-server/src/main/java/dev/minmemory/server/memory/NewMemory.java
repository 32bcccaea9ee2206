package dev.minmemory.server.memory;

import java.util.List;
import java.util.Map;

/** What a caller asks to store; validated and completed into a {@link Memory} by the service. */
public record NewMemory(String text, MemoryType memoryType, Scope scope, String entity, String project,
        String taskId, List<String> relatedTo, Map<String, RelationType> relationTypes, List<String> tags,
        String status, String priority) {
}
