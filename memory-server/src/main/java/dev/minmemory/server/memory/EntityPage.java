package dev.minmemory.server.memory;

import java.util.List;

/** One page of entities in name order; {@code nextCursor} is null on the last page. */
public record EntityPage(List<EntityUsage> entities, String nextCursor, int totalEntities) {
}
