package dev.minmemory.server.memory;

import java.io.Writer;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A person's own export: their live memories, with their vectors, in the export format, so that the file can be
 * imported like an operator's export. Memories they deleted are not in it.
 */
@ApplicationScoped
public class OwnMemoriesExport {

    private final MemoryService memories;
    private final MemoryStore store;
    private final ExportFormat format;

    public OwnMemoriesExport(MemoryService memories, MemoryStore store, ExportFormat format) {
        this.memories = memories;
        this.store = store;
        this.format = format;
    }

    /** Writes the user's live memories; returns how many. */
    public long writeTo(String user, Writer out) {
        return format.write(memories.layout(), sink -> store.forEachLive(user, MemoryFilter.ALL, sink), out);
    }
}
