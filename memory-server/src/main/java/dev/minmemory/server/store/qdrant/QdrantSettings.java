package dev.minmemory.server.store.qdrant;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Everything {@link QdrantMemoryStore} needs to connect and to lay out a new collection. */
public record QdrantSettings(String url, String apiKey, String collection, Integer shardNumber,
        Integer replicationFactor, boolean onDiskVectors, boolean onDiskPayload, float quantizationQuantile,
        boolean quantizationAlwaysRam, Path caFile, Duration timeout) {

    static final int DEFAULT_GRPC_PORT = 6334;

    public QdrantSettings {
        URI uri = URI.create(url);
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("QDRANT_URL '" + url + "' is not a Qdrant gRPC address: use"
                    + " http://host:6334, or https://host:6334 for TLS");
        }
        if (caFile != null && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("QDRANT_CA_FILE is set but QDRANT_URL '" + url + "' is not https://:"
                    + " the CA is only used for TLS");
        }
    }

    /** Defaults for everything but the address and the collection. */
    public static QdrantSettings of(String url, String collection) {
        return new QdrantSettings(url, null, collection, null, null, false, true, 0.99f, true, null,
                Duration.ofSeconds(10));
    }

    public QdrantSettings withApiKey(String key) {
        return new QdrantSettings(url, key, collection, shardNumber, replicationFactor, onDiskVectors, onDiskPayload,
                quantizationQuantile, quantizationAlwaysRam, caFile, timeout);
    }

    public QdrantSettings withCaFile(Path file) {
        return new QdrantSettings(url, apiKey, collection, shardNumber, replicationFactor, onDiskVectors, onDiskPayload,
                quantizationQuantile, quantizationAlwaysRam, file, timeout);
    }

    String host() {
        return URI.create(url).getHost();
    }

    int port() {
        int port = URI.create(url).getPort();
        return port == -1 ? DEFAULT_GRPC_PORT : port;
    }

    boolean tls() {
        return "https".equals(URI.create(url).getScheme());
    }

    /** For logs and readiness data: the address without credentials. */
    String address() {
        return (tls() ? "https://" : "http://") + host() + ":" + port() + "/" + collection;
    }
}
