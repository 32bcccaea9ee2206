package dev.minmemory.server.memory;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "memory")
public interface MemoryConfig {

    /** Where the embedded store and extracted model files live ({@code MCP_DATA_DIR}). */
    Path dataDir();

    /**
     * Storing a text whose cosine similarity to a live memory in the same scope, project and task is at least this
     * returns the existing memory as a duplicate instead of a second copy. 1.0 keeps only exact duplicates out.
     */
    @WithDefault("0.97")
    double duplicateThreshold();

    /** What of a memory a new store embeds ({@code text} or {@code entity-text}, see {@link EmbeddingScheme}). */
    @WithName("embedding.scheme")
    @WithDefault("entity-text")
    EmbeddingScheme embeddingScheme();

    /** How hybrid search ranks ({@code memory.search.*}). */
    Search search();

    interface Search {

        /**
         * The dense side's share of a hit's relevance, 0..1; the keyword side has the rest ({@link ScoreFusion}).
         * 0.6 was chosen on LoCoMo and the labelled set (docs/RETRIEVAL_PROTOTYPES.md).
         */
        @WithDefault("0.6")
        double denseWeight();
    }
}
