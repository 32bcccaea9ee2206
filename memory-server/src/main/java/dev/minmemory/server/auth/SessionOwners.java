package dev.minmemory.server.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

/**
 * Which user opened each MCP session. A session id is not a credential: every request is authenticated by its own
 * token, and a request whose token belongs to someone else than the session's owner is refused. Entries expire with
 * the sessions themselves (30 minutes idle, the MCP layer's default).
 */
@Singleton
public class SessionOwners {

    private static final Duration IDLE_EXPIRY = Duration.ofMinutes(30);

    private final Map<String, Owner> owners = new ConcurrentHashMap<>();

    void bind(String sessionId, String user) {
        owners.put(sessionId, new Owner(user, System.nanoTime()));
    }

    /** True if the session is unknown (the MCP layer rejects it) or belongs to this user. */
    boolean mayUse(String sessionId, String user) {
        long now = System.nanoTime();
        owners.values().removeIf(owner -> now - owner.lastSeen() > IDLE_EXPIRY.toNanos());
        Owner owner = owners.get(sessionId);
        if (owner == null) {
            return true;
        }
        if (!owner.user().equals(user)) {
            return false;
        }
        owners.put(sessionId, new Owner(user, now));
        return true;
    }

    private record Owner(String user, long lastSeen) {
    }
}
