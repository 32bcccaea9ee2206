package dev.minmemory.server.memory;

import java.io.Writer;
import java.util.function.Consumer;

/** The export format (JSON Lines, one memory and its vector a line), which an adapter of the stores writes. */
public interface ExportFormat {

    /** Writes every memory that {@code memories} visits, whose vectors are of this layout; returns how many. */
    long write(IndexLayout layout, Consumer<Consumer<StoredMemory>> memories, Writer out);
}
