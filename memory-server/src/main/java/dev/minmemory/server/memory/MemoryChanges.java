package dev.minmemory.server.memory;

import java.util.List;

/** The fields an update replaces; null leaves a field as it is. */
public record MemoryChanges(String text, MemoryType memoryType, Scope scope, String entity, String project,
        String taskId, List<String> tags, String status, String priority) {

    public boolean isEmpty() {
        return text == null && memoryType == null && scope == null && entity == null && project == null
                && taskId == null && tags == null && status == null && priority == null;
    }
}
