package dev.minmemory.server.store.qdrant;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Qdrant as the memory store. Setting {@code url} ({@code QDRANT_URL}) switches the server from the embedded store
 * to Qdrant; the other settings only matter then.
 */
@ConfigMapping(prefix = "memory.qdrant")
public interface QdrantConfig {

    /** gRPC address, e.g. {@code http://qdrant:6334}; {@code https://} uses TLS ({@code QDRANT_URL}). */
    Optional<String> url();

    /** Sent as the {@code api-key} header ({@code QDRANT_API_KEY}). */
    Optional<String> apiKey();

    /** The collection holding every user's memories ({@code QDRANT_COLLECTION}). */
    @WithDefault("memories")
    String collection();

    /** Shards of a new collection; Qdrant's default when absent ({@code QDRANT_SHARD_NUMBER}). */
    OptionalInt shardNumber();

    /** Replicas of each shard of a new collection; Qdrant's default when absent ({@code QDRANT_REPLICATION_FACTOR}). */
    OptionalInt replicationFactor();

    /** Keep the original vectors on disk, the int8 copies in RAM ({@code QDRANT_ON_DISK_VECTORS}). */
    @WithDefault("false")
    boolean onDiskVectors();

    /** Keep payloads on disk ({@code QDRANT_ON_DISK_PAYLOAD}). */
    @WithDefault("true")
    boolean onDiskPayload();

    /** Quantile of the int8 scalar quantization ({@code QDRANT_QUANTIZATION_QUANTILE}). */
    @WithDefault("0.99")
    float quantizationQuantile();

    /** Keep the quantized vectors in RAM even when the originals are on disk ({@code QDRANT_QUANTIZATION_ALWAYS_RAM}). */
    @WithDefault("true")
    boolean quantizationAlwaysRam();

    /**
     * PEM file of the CA that signed Qdrant's certificate, trusted instead of the system trust store; needs an
     * {@code https://} url ({@code QDRANT_CA_FILE}).
     */
    Optional<Path> caFile();

    /** Deadline of each call to Qdrant ({@code QDRANT_TIMEOUT}). */
    @WithDefault("10s")
    Duration timeout();

    default QdrantSettings settings() {
        return new QdrantSettings(url().orElseThrow(), apiKey().filter(key -> !key.isBlank()).orElse(null),
                collection(), shardNumber().isPresent() ? shardNumber().getAsInt() : null,
                replicationFactor().isPresent() ? replicationFactor().getAsInt() : null, onDiskVectors(),
                onDiskPayload(), quantizationQuantile(), quantizationAlwaysRam(), caFile().orElse(null), timeout());
    }
}
