package dev.minmemory.server.store;

import java.io.Writer;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import dev.minmemory.server.memory.ExportFormat;
import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.memory.StoredMemory;

/** The export format of {@link MemoryArchive}, for the domain's exports. */
@Singleton
public class ArchiveExportFormat implements ExportFormat {

    @Override
    public long write(IndexLayout layout, Consumer<Consumer<StoredMemory>> memories, Writer out) {
        return new MemoryArchive(layout.embeddingModel(), layout.embeddingScheme()).export(memories, out);
    }
}
