package dev.minmemory.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.minmemory.server.memory.Memory;

/** The JSON form in which stores keep a memory record: snake_case fields, ISO-8601 UTC timestamps. */
public final class MemoryJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private MemoryJson() {
    }

    public static byte[] write(Memory memory) {
        try {
            return MAPPER.writeValueAsBytes(memory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record as a JSON tree, the form a store with a JSON payload (Qdrant) keeps. */
    public static JsonNode toTree(Memory memory) {
        return MAPPER.valueToTree(memory);
    }

    public static Memory fromTree(JsonNode json) {
        try {
            return MAPPER.treeToValue(json, Memory.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapper behind this format, for formats that embed the record (the export file). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Memory read(byte[] json) {
        try {
            return MAPPER.readValue(json, Memory.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
