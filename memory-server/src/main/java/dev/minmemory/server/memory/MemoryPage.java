package dev.minmemory.server.memory;

import java.util.List;

/** A page of a listing, newest first; {@code nextCursor} is null on the last page. */
public record MemoryPage(List<Memory> memories, String nextCursor) {
}
