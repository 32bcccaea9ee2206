package dev.minmemory.server.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.minmemory.server.memory.BulkMemoryAccess;
import dev.minmemory.server.memory.EmbeddingScheme;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryBounds;
import dev.minmemory.server.memory.MemoryRequestException;
import dev.minmemory.server.memory.StoredMemory;

/**
 * The export, backup and migration format: JSON Lines, one memory per line, every user's memories, soft-deleted ones
 * included, each with its vector so that an import needs no re-embedding:
 *
 * <pre>
 * {"format":"min-memory/1","embedding_model":"bge-small-en-v1.5-q","embedding_scheme":"entity-text",
 *  "memory":{…the record…},"vector":[0.0123,…]}
 * </pre>
 *
 * {@code memory} is the record exactly as the stores keep it ({@link MemoryJson}: snake_case fields, ISO-8601 UTC
 * timestamps with milliseconds, {@code related_to}, {@code relation_types}, {@code deleted}, {@code deleted_at});
 * {@code vector} its 384 floats. Importing inserts or replaces each memory by id, unchanged; importing the same file
 * twice is harmless. Vectors of one embedding model are meaningless to another, and vectors of one
 * {@link EmbeddingScheme} rank badly among another's, so an import refuses a file made with a model or scheme other
 * than the store's recorded ones (which this archive is made with); a line without {@code embedding_scheme} comes from before schemes were recorded, when
 * every store embedded the bare text.
 */
public final class MemoryArchive {

    public static final String FORMAT = "min-memory/1";
    static final int DIMENSIONS = 384;
    private static final int BATCH = 200;

    private final ObjectMapper mapper = MemoryJson.mapper();
    private final String embeddingModel;
    private final EmbeddingScheme embeddingScheme;

    public MemoryArchive(String embeddingModel, EmbeddingScheme embeddingScheme) {
        this.embeddingModel = embeddingModel;
        this.embeddingScheme = embeddingScheme;
    }

    /** Writes every memory of the store; returns how many. */
    public long export(BulkMemoryAccess store, Writer out) {
        return export(store::forEachMemory, out);
    }

    /** Writes every memory that {@code memories} visits; returns how many. */
    public long export(Consumer<Consumer<StoredMemory>> memories, Writer out) {
        long[] count = { 0 };
        memories.accept(stored -> {
            ObjectNode line = mapper.createObjectNode();
            line.put("format", FORMAT);
            line.put("embedding_model", embeddingModel);
            line.put("embedding_scheme", embeddingScheme.id());
            line.set("memory", MemoryJson.toTree(stored.memory()));
            ArrayNode vector = line.putArray("vector");
            for (float x : stored.vector()) {
                vector.add(x);
            }
            try {
                out.write(mapper.writeValueAsString(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count[0]++;
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    /** Saves every memory of the file into the store, in batches; returns how many. */
    public long importInto(BulkMemoryAccess store, BufferedReader in) throws IOException {
        long count = 0;
        long lineNumber = 0;
        List<StoredMemory> batch = new ArrayList<>(BATCH);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            batch.add(parse(line, lineNumber));
            if (batch.size() == BATCH) {
                store.saveAll(batch);
                count += batch.size();
                batch.clear();
            }
        }
        store.saveAll(batch);
        return count + batch.size();
    }

    private StoredMemory parse(String line, long lineNumber) {
        JsonNode json;
        try {
            json = mapper.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("Line " + lineNumber + " is not JSON: " + e.getMessage());
        }
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new IllegalArgumentException("Line " + lineNumber + " is not a min-memory export line (format '"
                    + json.path("format").asText() + "', expected '" + FORMAT + "')");
        }
        String model = json.path("embedding_model").asText();
        if (!embeddingModel.equals(model)) {
            throw new IllegalArgumentException("Line " + lineNumber + " holds vectors of " + model + " but the store"
                    + " holds vectors of " + embeddingModel + ": import into a new store with MEMORY_EMBEDDING_MODEL="
                    + model + ", then reembed it if needed");
        }
        String scheme = json.path("embedding_scheme").asText(EmbeddingScheme.TEXT.id());
        if (!embeddingScheme.id().equals(scheme)) {
            throw new IllegalArgumentException("Line " + lineNumber + " holds vectors of the embedding scheme " + scheme
                    + " but the store holds vectors of " + embeddingScheme.id() + ": import into a new store with"
                    + " MEMORY_EMBEDDING_SCHEME=" + scheme + ", then reembed it if needed");
        }
        JsonNode vectorJson = json.path("vector");
        if (!vectorJson.isArray() || vectorJson.size() != DIMENSIONS) {
            throw new IllegalArgumentException("Line " + lineNumber + " has no " + DIMENSIONS + "-float vector");
        }
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = vectorJson.get(i).floatValue();
        }
        Memory memory = MemoryJson.fromTree(json.path("memory"));
        try {
            MemoryBounds.requireWithin(memory);
        } catch (MemoryRequestException e) {
            throw new IllegalArgumentException("Line " + lineNumber + ": " + e.getMessage());
        }
        return new StoredMemory(memory, vector);
    }
}
