package dev.minmemory.server.store.qdrant;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.google.common.util.concurrent.ListenableFuture;

import dev.minmemory.server.memory.StorageUnavailableException;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.qdrant.client.QdrantGrpcClient;

/**
 * The gRPC channel to Qdrant (plain or TLS, see {@link QdrantChannelCredentials}; with the API key), its two clients (calls with the configured timeout,
 * probes with a short one), and what a failed call means: unreachable ({@link StorageUnavailableException}, retry),
 * refused credentials, or a real failure.
 */
final class QdrantConnection implements Closeable {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final QdrantSettings settings;
    private final ManagedChannel channel;
    private final QdrantGrpcClient calls;
    private final QdrantGrpcClient probes;

    QdrantConnection(QdrantSettings settings) {
        this.settings = settings;
        this.channel = Grpc.newChannelBuilderForAddress(settings.host(), settings.port(),
                QdrantChannelCredentials.of(settings))
                .maxInboundMessageSize(64 * 1024 * 1024)
                .build();
        this.calls = client(settings.timeout());
        this.probes = client(PROBE_TIMEOUT);
    }

    /** The client for requests made on behalf of a caller. */
    QdrantGrpcClient calls() {
        return calls;
    }

    /** The client for health checks and readiness probes, which must answer quickly. */
    QdrantGrpcClient probes() {
        return probes;
    }

    QdrantSettings settings() {
        return settings;
    }

    /** Waits for the call's answer; a failure becomes an exception that says what to do about it. */
    <T> T call(String what, ListenableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("Interrupted while waiting for Qdrant (" + what + ")", e);
        } catch (ExecutionException e) {
            throw translate(what, e.getCause());
        }
    }

    @Override
    public void close() {
        calls.close();
        probes.close();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RuntimeException translate(String what, Throwable cause) {
        Status status = Status.fromThrowable(cause);
        String detail = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, ABORTED -> {
                // Reconnect on the next call rather than after gRPC's own backoff, which grows to two minutes.
                channel.resetConnectBackoff();
                return new StorageUnavailableException("Qdrant at " + settings.host() + ":" + settings.port()
                        + " did not answer (" + what + "): " + detail, cause);
            }
            case UNAUTHENTICATED, PERMISSION_DENIED -> {
                return new IllegalStateException("Qdrant at " + settings.host() + ":" + settings.port() + " refused "
                        + what + " (" + detail + "): check QDRANT_API_KEY", cause);
            }
            default -> {
                return new IllegalStateException("Qdrant " + what + " failed: " + detail, cause);
            }
        }
    }

    private QdrantGrpcClient client(Duration timeout) {
        QdrantGrpcClient.Builder builder = QdrantGrpcClient.newBuilder(channel, false, false).withTimeout(timeout);
        if (settings.apiKey() != null) {
            builder.withApiKey(settings.apiKey());
        }
        return builder.build();
    }
}
