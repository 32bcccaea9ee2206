package dev.minmemory.server.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.auth.SessionOwners;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Sessions, in local and in auth mode: a request naming a session that is not open gets 404 with a JSON-RPC error
 * (clients then initialize again), logged at DEBUG only, as the id is the client's text; a session an
 * {@code initialize} opens is recorded with its owner in {@link SessionOwners}, which bounds the sessions per user.
 */
@Singleton
public class McpSessions {

    private static final Logger LOG = Logger.getLogger(McpSessions.class);
    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private final SessionOwners owners;

    public McpSessions(SessionOwners owners) {
        this.owners = owners;
    }

    void register(@Observes Router router) {
        router.route("/mcp*").order(McpRouteOrder.SESSIONS).handler(this::check);
    }

    private void check(RoutingContext context) {
        String session = context.request().getHeader(SESSION_HEADER);
        if (session != null) {
            if (owners.ownerOf(session).isEmpty()) {
                LOG.debugf("Request for a session that is not open: %s", ClientText.truncated(session));
                new JsonRpcRefusal(404, JsonRpcRefusal.SESSION_NOT_FOUND,
                        "Session not found: initialize a new session.").send(context);
                return;
            }
        } else if (context.request().method() == HttpMethod.POST) {
            String user = CallerIdentity.userOf(context);
            context.addHeadersEndHandler(ignored -> {
                String opened = context.response().headers().get(SESSION_HEADER);
                if (opened != null) {
                    owners.bind(opened, user);
                }
            });
        }
        context.next();
    }
}
