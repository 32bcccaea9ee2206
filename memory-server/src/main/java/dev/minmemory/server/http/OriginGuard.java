package dev.minmemory.server.http;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * DNS-rebinding protection for the MCP endpoint and the web console: a request whose Host, or Origin when a browser sends one, names a
 * host this server does not answer for is refused with 403 before it reaches the MCP handler or the console. In local mode the
 * management interface gets the same check ({@code auth.LocalModeGuard} installs it there).
 */
@Singleton
public class OriginGuard {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowedHosts = new HashSet<>(LOOPBACK);

    public OriginGuard(HttpConfig config, PublicEndpoint endpoint) {
        allowedHosts.add(endpoint.host());
        config.allowedHosts()
                .ifPresent(hosts -> hosts.forEach(host -> allowedHosts.add(host.toLowerCase(Locale.ROOT))));
    }

    void register(@Observes Router router) {
        router.route("/mcp*").order(McpRouteOrder.ORIGIN).handler(this::check);
        router.route("/console*").order(McpRouteOrder.ORIGIN).handler(this::check);
    }

    /** Refuses the request with 403 unless its Host, and its Origin if any, name a host this server answers for. */
    public void check(RoutingContext context) {
        String host = hostOf(context.request());
        String origin = context.request().getHeader("Origin");
        if (!allowedHost(host) || (origin != null && !allowedOrigin(origin))) {
            String refusal = "Forbidden: this server does not answer for that Host or Origin.";
            if (context.normalizedPath().startsWith("/console")) {
                context.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", refusal).encode());
            } else {
                context.response().setStatusCode(403).putHeader("Content-Type", "text/plain").end(refusal);
            }
            return;
        }
        context.next();
    }

    /** The Host header; HTTP/2 requests carry the host as the :authority pseudo-header instead. */
    private static String hostOf(HttpServerRequest request) {
        String host = request.getHeader("Host");
        HostAndPort authority = request.authority();
        if (host == null && authority != null) {
            return authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
        }
        return host;
    }

    private boolean allowedHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.toLowerCase(Locale.ROOT);
        int portSeparator = host.lastIndexOf(':');
        if (portSeparator > host.lastIndexOf(']')) {
            host = host.substring(0, portSeparator);
        }
        return allowedHosts.contains(host);
    }

    private boolean allowedOrigin(String origin) {
        try {
            URI uri = URI.create(origin);
            return uri.getHost() != null && allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
