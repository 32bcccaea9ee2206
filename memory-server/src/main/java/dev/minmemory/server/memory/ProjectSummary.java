package dev.minmemory.server.memory;

/** What {@code set_project} found: an existing project's counts, or that it was just created. */
public record ProjectSummary(String project, boolean created, MemoryStats stats) {
}
