package dev.minmemory.server.console;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.minmemory.server.auth.AuthSettings;
import dev.minmemory.server.http.McpRouteOrder;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-site request protection of the console in local mode, where no token proves who sends a request: a change
 * (POST, PATCH, DELETE, PUT) must carry an {@code Origin} naming the very origin the request was sent to, which a
 * browser sets and a page of another site cannot; else 403. The Host itself is checked by {@code http.OriginGuard}.
 */
@Singleton
public class SameOriginWrites {

    private static final Set<HttpMethod> READING = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    void register(@Observes Router router, AuthSettings auth) {
        if (!auth.enabled()) {
            router.route("/console/api/*").order(McpRouteOrder.ACCESS).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        if (READING.contains(context.request().method()) || sameOrigin(context)) {
            context.next();
            return;
        }
        context.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", "Changes are accepted only from the console's own page: the"
                        + " request's Origin header is missing or names another site.").encode());
    }

    private static boolean sameOrigin(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        String host = context.request().getHeader("Host");
        if (origin == null || host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String scheme = context.request().isSSL() ? "https" : "http";
            return scheme.equals(uri.getScheme()) && uri.getRawAuthority() != null
                    && uri.getRawAuthority().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
