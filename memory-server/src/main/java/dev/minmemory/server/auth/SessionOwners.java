package dev.minmemory.server.auth;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.minmemory.server.http.HttpConfig;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;

/**
 * Which user opened each MCP session, indexed both ways. A session id is not a credential: every request is
 * authenticated by its own token, and a request whose token belongs to someone else than the session's owner is
 * refused. A session lives as long as the MCP layer keeps its connection (until its idle timeout or a DELETE); an
 * owner whose session is gone is forgotten when next looked up or when the same user opens another session.
 * A user holds at most {@code memory.http.limits.max-sessions-per-user} sessions: opening one more closes their least
 * recently used one, so no caller can make the server keep an unbounded number of sessions.
 */
@Singleton
public class SessionOwners {

    private static final Logger LOG = Logger.getLogger(SessionOwners.class);

    private final ConnectionManager connections;
    private final int maxPerUser;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> sessionsByUser = new ConcurrentHashMap<>();

    public SessionOwners(ConnectionManager connections, HttpConfig config) {
        this.connections = connections;
        this.maxPerUser = config.limits().maxSessionsPerUser();
    }

    /** Records the owner of a session just opened, closing the user's least recently used session beyond the limit. */
    public void bind(String sessionId, String user) {
        sessions.put(sessionId, new Session(user, System.nanoTime()));
        sessionsByUser.compute(user, (owner, known) -> {
            Set<String> ids = known == null ? new HashSet<>() : known;
            ids.removeIf(id -> !connections.has(id) && forget(id));
            ids.add(sessionId);
            while (ids.size() > maxPerUser) {
                String oldest = ids.stream().filter(id -> !id.equals(sessionId))
                        .min(Comparator.comparingLong(id -> lastSeen(id))).orElseThrow();
                ids.remove(oldest);
                forget(oldest);
                connections.remove(oldest);
                LOG.debugf("Closed the least recently used session of a user who opened more than %d", maxPerUser);
            }
            return ids;
        });
    }

    /** The user who opened the session, if it is still open; using the session counts as activity. */
    public Optional<String> ownerOf(String sessionId) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        if (!connections.has(sessionId)) {
            forget(sessionId);
            sessionsByUser.computeIfPresent(session.user, (owner, ids) -> {
                ids.remove(sessionId);
                return ids.isEmpty() ? null : ids;
            });
            return Optional.empty();
        }
        session.lastSeen = System.nanoTime();
        return Optional.of(session.user);
    }

    private boolean forget(String sessionId) {
        sessions.remove(sessionId);
        return true;
    }

    private long lastSeen(String sessionId) {
        Session session = sessions.get(sessionId);
        return session == null ? Long.MIN_VALUE : session.lastSeen;
    }

    private static final class Session {

        private final String user;
        private volatile long lastSeen;

        private Session(String user, long lastSeen) {
            this.user = user;
            this.lastSeen = lastSeen;
        }
    }
}
