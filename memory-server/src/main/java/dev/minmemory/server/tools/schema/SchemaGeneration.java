package dev.minmemory.server.tools.schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Tool schemas, each made once and kept. The library makes them with one shared victools generator, which is not
 * thread-safe: concurrent first {@code tools/list} calls failed with -32603 (a ConcurrentModificationException in its
 * property sorter). So schemas are made one at a time, and since the tool set never changes, a schema once made
 * stays right.
 */
final class SchemaGeneration<K, S> {

    private static final Object ONE_AT_A_TIME = new Object();

    private final Map<K, S> made = new ConcurrentHashMap<>();

    S schema(K key, Function<K, S> generation) {
        S schema = made.get(key);
        if (schema != null) {
            return schema;
        }
        synchronized (ONE_AT_A_TIME) {
            return made.computeIfAbsent(key, generation);
        }
    }
}
