package dev.minmemory.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.minmemory.server.auth.CallerIdentity;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds the requests one user has in progress at once ({@code memory.http.limits.max-in-flight-per-user}), over all
 * of the user's sessions and counting each request of a batch, so that one caller cannot occupy the server and
 * starve the others. Beyond it: 429 with {@code Retry-After} and a JSON-RPC error saying to wait.
 */
@Singleton
public class InFlightLimit {

    private static final Logger LOG = Logger.getLogger(InFlightLimit.class);

    private final int maxPerUser;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    public InFlightLimit(HttpConfig config) {
        this.maxPerUser = config.limits().maxInFlightPerUser();
    }

    void register(@Observes Router router) {
        router.route("/mcp*").order(McpRouteOrder.IN_FLIGHT).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        Integer requests = context.get(JsonRpcEnvelopeGuard.REQUESTS);
        if (requests == null || requests == 0) {
            context.next();
            return;
        }
        String user = CallerIdentity.userOf(context);
        if (!acquire(user, requests)) {
            LOG.debugf("Refused %d request(s): the caller is at its limit of %d in progress", (Object) requests, maxPerUser);
            context.response().putHeader("Retry-After", "1");
            new JsonRpcRefusal(429, JsonRpcRefusal.LIMIT_REACHED, "Too many requests in progress: one caller may"
                    + " have at most " + maxPerUser + " at a time. Wait for earlier calls to finish, then retry.")
                    .send(context);
            return;
        }
        context.addEndHandler(ignored -> release(user, requests));
        context.next();
    }

    private boolean acquire(String user, int requests) {
        boolean[] admitted = { false };
        inFlight.compute(user, (caller, current) -> {
            int busy = current == null ? 0 : current;
            if (busy + requests > maxPerUser) {
                return current;
            }
            admitted[0] = true;
            return busy + requests;
        });
        return admitted[0];
    }

    private void release(String user, int requests) {
        inFlight.computeIfPresent(user, (caller, current) -> current - requests <= 0 ? null : current - requests);
    }
}
