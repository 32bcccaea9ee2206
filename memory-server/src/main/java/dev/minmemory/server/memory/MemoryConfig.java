package dev.minmemory.server.memory;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "memory")
public interface MemoryConfig {

    /** Where the embedded store and extracted model files live ({@code MCP_DATA_DIR}). */
    Path dataDir();

    /**
     * Storing a text that makes the same statement as a live memory in the same scope, project and task (the same
     * content words in the same order) whose cosine similarity to it is at least this returns the existing memory as
     * a duplicate instead of a second copy. 1.0 keeps only exact duplicates out. The text decides, so this only has to
     * keep restatements in: with bge, dropping a final period or opening a contraction costs 0.03 to 0.05 cosine.
     */
    @WithDefault("0.95")
    double duplicateThreshold();

    /**
     * A stored memory's answer names the memories of the same scope and entity at least this similar (cosine) that
     * are not the same statement: candidates to link or supersede. Unset, the embedding model's own
     * ({@link Embedder#candidateSimilarity}): with the entity embedded ({@code entity-text}), bge's corrections of
     * one fact measure 0.79 (another person) to 0.99 (two words swapped) and its unrelated facts of one entity at
     * most 0.77, so 0.85; e5's corrections 0.84 to 0.99 and unrelated facts up to 0.89, so 0.90 (docs/BENCHMARKS.md).
     */
    Optional<Double> candidateThreshold();

    /**
     * What of a memory is embedded ({@code text} or {@code entity-text}, see {@link EmbeddingScheme}). Unset, a new
     * store gets {@code entity-text} and an existing one keeps the scheme it records; set, it must be the recorded
     * one ({@link ConfiguredEmbedding}), and {@code reembed} moves a store to it.
     */
    @WithName("embedding.scheme")
    Optional<EmbeddingScheme> embeddingScheme();

    /** How hybrid search ranks ({@code memory.search.*}). */
    Search search();

    interface Search {

        /**
         * The dense side's share of a hit's relevance, 0..1; the keyword side has the rest ({@link ScoreFusion}), and
         * more for queries made of identifiers ({@link ScoreFusion#forQuery}). 0.6 was chosen on LoCoMo and the
         * labelled set; 0.7 finds one more paraphrased fact of 30 and costs LoCoMo about 0.01 (docs/BENCHMARKS.md).
         */
        @WithDefault("0.6")
        double denseWeight();
    }
}
