package dev.minmemory.server.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "memory.http")
public interface HttpConfig {

    /** The public origin of the server ({@code MEMORY_PUBLIC_URL}), e.g. https://memory.team-a.example.com. */
    Optional<String> publicUrl();

    /**
     * Host names, besides the loopback names and the public URL's host, that may appear in the Host and Origin
     * headers of MCP requests ({@code MEMORY_ALLOWED_HOSTS}, comma-separated), e.g. an in-cluster service name.
     */
    Optional<List<String>> allowedHosts();

    /**
     * The key that signs session ids ({@code MEMORY_HTTP_SESSION_KEY}), at least 32 characters. Replicas with the
     * same key accept each other's session ids, so a client may reach any of them; without it each process draws a
     * random key and its session ids are good on it alone.
     */
    Optional<String> sessionKey();

    /** How long a session id stays valid after {@code initialize}; then the client opens a new session. */
    @WithDefault("24h")
    Duration sessionMaxAge();

    /** What one client may make the server hold or do at once (see docs/ARCHITECTURE.md, "Protocol limits"). */
    Limits limits();

    interface Limits {

        /** Time to receive a whole request body once its headers have arrived; slower bodies get 408. */
        @WithDefault("10s")
        Duration bodyTimeout();

        /** Messages in one JSON-RPC batch (protocol 2025-03-26 only; later versions have no batches). */
        @WithDefault("10")
        int maxBatchSize();

        /** Requests one user may have in progress at once, counted over all of the user's sessions. */
        @WithDefault("16")
        int maxInFlightPerUser();

        /** Open sessions per user; opening one more closes the user's least recently used one. */
        @WithDefault("32")
        int maxSessionsPerUser();

        /** Characters in {@code clientInfo.name} and {@code clientInfo.version} of {@code initialize}. */
        @WithDefault("256")
        int maxClientNameLength();

        /** Bytes (as JSON) of {@code clientInfo} and, separately, of {@code capabilities} in {@code initialize}. */
        @WithDefault("4096")
        int maxClientInfoBytes();
    }
}
