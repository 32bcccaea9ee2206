package dev.minmemory.server.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

/**
 * Which user opened each MCP session. A session id is not a credential: every request is authenticated by its own
 * token, and a request whose token belongs to someone else than the session's owner is refused. Every session is
 * opened through the access guard, so a session id without an owner here is one this server does not know. Owners
 * are forgotten after half a day without a request, far beyond the MCP layer's own idle limit.
 */
@Singleton
public class SessionOwners {

    private static final Duration IDLE_EXPIRY = Duration.ofHours(12);

    private final Map<String, Owner> owners = new ConcurrentHashMap<>();

    void bind(String sessionId, String user) {
        owners.put(sessionId, new Owner(user, System.nanoTime()));
    }

    /** The user who opened the session, if it is known; using the session counts as activity. */
    Optional<String> ownerOf(String sessionId) {
        long now = System.nanoTime();
        owners.values().removeIf(owner -> now - owner.lastSeen() > IDLE_EXPIRY.toNanos());
        Owner owner = owners.computeIfPresent(sessionId, (id, known) -> new Owner(known.user(), now));
        return Optional.ofNullable(owner).map(Owner::user);
    }

    private record Owner(String user, long lastSeen) {
    }
}
