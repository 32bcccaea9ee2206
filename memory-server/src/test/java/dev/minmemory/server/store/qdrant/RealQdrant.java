package dev.minmemory.server.store.qdrant;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.DeleteCollection;

/**
 * The opt-in real Qdrant for the contract suites: set {@code QDRANT_TEST_URL} (e.g. {@code http://localhost:6334}) and,
 * if the server has one, {@code QDRANT_TEST_API_KEY}. Each test gets its own collection, dropped afterwards.
 */
public final class RealQdrant {

    public static final String URL_VARIABLE = "QDRANT_TEST_URL";

    private RealQdrant() {
    }

    public static QdrantSettings newCollection() {
        QdrantSettings settings =
                QdrantSettings.of(System.getenv(URL_VARIABLE), "min-memory-test-" + UUID.randomUUID());
        String key = System.getenv("QDRANT_TEST_API_KEY");
        return key == null || key.isBlank() ? settings : settings.withApiKey(key);
    }

    public static void drop(QdrantSettings settings) {
        QdrantGrpcClient.Builder builder =
                QdrantGrpcClient.newBuilder(settings.host(), settings.port(), settings.tls());
        if (settings.apiKey() != null) {
            builder.withApiKey(settings.apiKey());
        }
        try (QdrantGrpcClient client = builder.build()) {
            client.collections().delete(DeleteCollection.newBuilder().setCollectionName(settings.collection()).build())
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot drop test collection " + settings.collection(), e);
        }
    }
}
