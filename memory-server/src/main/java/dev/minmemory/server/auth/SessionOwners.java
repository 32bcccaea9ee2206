package dev.minmemory.server.auth;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.minmemory.server.http.HttpConfig;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;

/**
 * The MCP sessions on this replica, and who owns each. A session's id is a {@link SessionTokens token} naming its
 * owner, which any replica with the same key verifies; a session id is not a credential all the same: every request
 * is authenticated by its own bearer token, and one whose token belongs to someone else than the session's owner is
 * refused.
 * <p>
 * Each replica keeps, per session it has served, the id of the connection its MCP layer holds for it: the one
 * {@code initialize} opened, or one {@link RestoredConnections} opens on the session's first request here, and again
 * after the MCP layer dropped an idle one. A user holds at most {@code memory.http.limits.max-sessions-per-user}
 * sessions on each replica: one more closes their least recently used one there. A session closed on a replica (so,
 * or by a DELETE) is refused there for the rest of its life, while other replicas accept its id until it expires.
 */
@Singleton
public class SessionOwners {

    private static final Logger LOG = Logger.getLogger(SessionOwners.class);

    private final SessionTokens tokens;
    private final ConnectionManager connections;
    private final RestoredConnections restored;
    private final int maxPerUser;
    private final Map<String, UserSessions> sessionsByUser = new ConcurrentHashMap<>();

    public SessionOwners(SessionTokens tokens, ConnectionManager connections, RestoredConnections restored,
            HttpConfig config) {
        this.tokens = tokens;
        this.connections = connections;
        this.restored = restored;
        this.maxPerUser = config.limits().maxSessionsPerUser();
    }

    /**
     * Names the session that {@code initialize} just opened in the MCP layer under {@code connectionId}: returns the
     * session id the client is to use.
     */
    public String open(String connectionId, String user, String protocolVersion) {
        String sessionId = tokens.mint(user, protocolVersion);
        sessionsByUser.compute(user, (owner, known) -> {
            UserSessions sessions = known == null ? new UserSessions() : known;
            sessions.open.put(sessionId, connectionId);
            closeBeyondLimit(sessions);
            return sessions;
        });
        return sessionId;
    }

    /** The session the id names, if it is valid and not closed on this replica. */
    public Optional<SessionToken> session(String sessionId) {
        return tokens.verify(sessionId).filter(session -> {
            UserSessions sessions = sessionsByUser.get(session.owner());
            return sessions == null || !sessions.closedHere(sessionId);
        });
    }

    /**
     * The id of this replica's MCP connection for a {@link #session(String) valid} session, opened now if this replica
     * has none (any more); using the session counts as activity.
     */
    public String connectionOf(String sessionId, SessionToken session) {
        String[] connection = new String[1];
        sessionsByUser.compute(session.owner(), (owner, known) -> {
            UserSessions sessions = known == null ? new UserSessions() : known;
            String current = sessions.open.get(sessionId);
            if (current == null || !connections.has(current)) {
                current = restored.open(session);
                sessions.open.put(sessionId, current);
                closeBeyondLimit(sessions);
            }
            connection[0] = current;
            return sessions;
        });
        return connection[0];
    }

    /**
     * Closes the session on this replica: returns the MCP connection it had here, if the MCP layer still holds it
     * (for the MCP layer to end).
     */
    public Optional<String> close(String sessionId, SessionToken session) {
        String[] connection = new String[1];
        sessionsByUser.compute(session.owner(), (owner, known) -> {
            UserSessions sessions = known == null ? new UserSessions() : known;
            connection[0] = sessions.open.remove(sessionId);
            sessions.remember(sessionId, maxPerUser);
            return sessions;
        });
        return Optional.ofNullable(connection[0]).filter(connections::has);
    }

    private void closeBeyondLimit(UserSessions sessions) {
        Iterator<Map.Entry<String, String>> leastRecentlyUsedFirst = sessions.open.entrySet().iterator();
        while (sessions.open.size() > maxPerUser) {
            Map.Entry<String, String> oldest = leastRecentlyUsedFirst.next();
            leastRecentlyUsedFirst.remove();
            sessions.remember(oldest.getKey(), maxPerUser);
            connections.remove(oldest.getValue());
            LOG.debugf("Closed the least recently used session of a user who opened more than %d", maxPerUser);
        }
    }

    /** One user's sessions on this replica; changed only inside {@code sessionsByUser.compute}. */
    private static final class UserSessions {

        /** Session id to connection id, least recently used first. */
        private final LinkedHashMap<String, String> open = new LinkedHashMap<>(16, 0.75f, true);
        /** The ids of sessions closed here, the oldest first forgotten. */
        private final Set<String> closed = Collections.synchronizedSet(new LinkedHashSet<>());

        private boolean closedHere(String sessionId) {
            return closed.contains(sessionId);
        }

        private void remember(String sessionId, int limit) {
            closed.add(sessionId);
            if (closed.size() > limit) {
                closed.remove(closed.iterator().next());
            }
        }
    }
}
