package dev.minmemory.server.auth;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.minmemory.server.http.ClientText;
import dev.minmemory.server.http.JsonRpcRefusal;
import dev.minmemory.server.http.McpRouteOrder;
import io.quarkiverse.mcp.server.InitialRequest;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkiverse.mcp.server.runtime.McpConnectionBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Sessions, in local and in auth mode, on one replica or many. The session id a client sees is a token that
 * {@link SessionOwners} issues when {@code initialize} opens a session; the MCP layer behind only ever sees its own
 * connection ids:
 * <ul>
 * <li>the answer to {@code initialize} carries the token in place of the MCP layer's connection id;</li>
 * <li>a request naming a session that is not valid here (forged, from another deployment's key, expired, closed on
 * this replica, or another user's in local mode) gets 404 with a JSON-RPC error (clients then initialize again),
 * logged at DEBUG only, as the id is the client's text, and never reaches the MCP layer;</li>
 * <li>any other request continues on this replica's connection for the session, opened on its first request here
 * when another replica opened the session;</li>
 * <li>a DELETE closes the session on this replica.</li>
 * </ul>
 */
@Singleton
public class McpSessions {

    private static final Logger LOG = Logger.getLogger(McpSessions.class);
    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private final SessionOwners owners;
    private final ConnectionManager connections;

    public McpSessions(SessionOwners owners, ConnectionManager connections) {
        this.owners = owners;
        this.connections = connections;
    }

    void register(@Observes Router router) {
        router.route("/mcp*").order(McpRouteOrder.SESSIONS).handler(this::check);
    }

    private void check(RoutingContext context) {
        String sessionId = context.request().getHeader(SESSION_HEADER);
        String user = CallerIdentity.userOf(context);
        if (sessionId == null) {
            if (context.request().method() == HttpMethod.POST) {
                context.addHeadersEndHandler(ignored -> nameOpenedSession(context, user));
            }
            context.next();
            return;
        }
        Optional<SessionToken> session = owners.session(sessionId).filter(valid -> valid.owner().equals(user));
        if (session.isEmpty()) {
            LOG.debugf("Request for a session that is not open: %s", ClientText.truncated(sessionId));
            new JsonRpcRefusal(404, JsonRpcRefusal.SESSION_NOT_FOUND,
                    "Session not found: initialize a new session.").send(context);
            return;
        }
        if (context.request().method() == HttpMethod.DELETE) {
            Optional<String> connection = owners.close(sessionId, session.get());
            if (connection.isEmpty()) {
                context.response().end();
                return;
            }
            continueOn(context, connection.get(), sessionId);
            return;
        }
        continueOn(context, owners.connectionOf(sessionId, session.get()), sessionId);
    }

    private void continueOn(RoutingContext context, String connectionId, String sessionId) {
        context.request().headers().set(SESSION_HEADER, connectionId);
        context.addHeadersEndHandler(ignored -> {
            if (context.response().headers().contains(SESSION_HEADER)) {
                context.response().headers().set(SESSION_HEADER, sessionId);
            }
        });
        context.next();
    }

    private void nameOpenedSession(RoutingContext context, String user) {
        String connectionId = context.response().headers().get(SESSION_HEADER);
        if (connectionId == null) {
            return;
        }
        McpConnectionBase connection = connections.get(connectionId);
        InitialRequest initial = connection == null ? null : connection.initialRequest();
        if (initial == null) {
            context.response().headers().remove(SESSION_HEADER);
            return;
        }
        context.response().headers().set(SESSION_HEADER, owners.open(connectionId, user, initial.protocolVersion()));
    }
}
