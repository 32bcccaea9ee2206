package dev.minmemory.server.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One memory of one user. {@code relatedTo} and {@code relationTypes} hold the links that start at this memory;
 * links that end here are found by asking the store which memories name this one. {@code supersededBy} is the
 * newest live memory that links to this one with {@code supersedes}, kept on this record so that stores can filter
 * on it; the domain updates it whenever such a link is made, replaced or loses its source.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Memory(
        String id,
        String user,
        String text,
        MemoryType memoryType,
        Scope scope,
        String entity,
        String project,
        String taskId,
        List<String> relatedTo,
        Map<String, RelationType> relationTypes,
        List<String> tags,
        String status,
        String priority,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted,
        Instant deletedAt,
        String supersededBy) {

    public Memory {
        relatedTo = List.copyOf(relatedTo == null ? List.of() : relatedTo);
        relationTypes = Map.copyOf(relationTypes == null ? Map.of() : relationTypes);
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    public boolean isLive() {
        return !deleted;
    }

    public Memory withContent(String newText, MemoryType newType, Scope newScope, String newEntity, String newProject,
            String newTaskId, List<String> newTags, String newStatus, String newPriority, Instant now) {
        return new Memory(id, user, newText, newType, newScope, newEntity, newProject, newTaskId, relatedTo,
                relationTypes, newTags, newStatus, newPriority, createdAt, now, deleted, deletedAt, supersededBy);
    }

    public Memory withLink(String targetId, RelationType type, Instant now) {
        return withLinks(List.of(targetId), Map.of(targetId, type), now);
    }

    /**
     * The same memory linked to these targets as well (typed where a type is given, replacing an older type); a
     * link to itself is left out. Unchanged links leave the record, {@code updatedAt} included, as it is.
     */
    public Memory withLinks(List<String> targets, Map<String, RelationType> types, Instant now) {
        List<String> links = Stream.concat(relatedTo.stream(), targets.stream())
                .filter(target -> !target.equals(id))
                .distinct()
                .toList();
        Map<String, RelationType> linkTypes = new HashMap<>(relationTypes);
        types.forEach((target, type) -> {
            if (!target.equals(id)) {
                linkTypes.put(target, type);
            }
        });
        if (links.equals(relatedTo) && linkTypes.equals(relationTypes)) {
            return this;
        }
        return new Memory(id, user, text, memoryType, scope, entity, project, taskId, links, linkTypes, tags, status,
                priority, createdAt, now, deleted, deletedAt, supersededBy);
    }

    public Memory asDeleted(Instant now) {
        return new Memory(id, user, text, memoryType, scope, entity, project, taskId, relatedTo, relationTypes, tags,
                status, priority, createdAt, now, true, now, supersededBy);
    }

    /** The same record with another superseding memory (or none); not an edit, so {@code updatedAt} stays. */
    public Memory withSupersededBy(String newestSuperseder) {
        return new Memory(id, user, text, memoryType, scope, entity, project, taskId, relatedTo, relationTypes, tags,
                status, priority, createdAt, updatedAt, deleted, deletedAt, newestSuperseder);
    }
}
