package dev.minmemory.server.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.minmemory.server.http.McpRouteOrder;
import dev.minmemory.server.http.OriginGuard;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.ManagementInterface;

/**
 * Without an authorization server every caller is the single local user, so the server must only be reachable from
 * this machine: it refuses to start on any address but loopback, for the application port and for the management
 * interface (health and metrics) alike, unless a container's operator opts in ({@link
 * AuthConfig#allowUnauthenticatedContainer()}). The management interface also gets the {@link OriginGuard} check, since a
 * browser page could otherwise read it through a rebound name; with authentication it stays open to the kubelet and
 * Prometheus, which name the pod's IP.
 */
@Singleton
public class LocalModeGuard {

    private static final Logger LOG = Logger.getLogger(LocalModeGuard.class);
    private static final String ALLOW_CONTAINER = "MEMORY_ALLOW_UNAUTHENTICATED_CONTAINER";
    private static final List<String> CONTAINER_MARKERS = List.of(".dockerenv", "run/.containerenv");
    private static final String CONTAINER_VARIABLE = "container";

    private final AuthSettings auth;
    private final String host;
    private final int port;
    private final String managementHost;
    private final OriginGuard origins;

    public LocalModeGuard(AuthSettings auth, @ConfigProperty(name = "quarkus.http.host") String host,
            @ConfigProperty(name = "quarkus.http.port") int port,
            @ConfigProperty(name = "quarkus.management.host") String managementHost, OriginGuard origins) {
        this.auth = auth;
        this.host = host;
        this.port = port;
        this.managementHost = managementHost;
        this.origins = origins;
    }

    void onStart(@Observes StartupEvent event) {
        if (auth.enabled()) {
            return;
        }
        boolean loopback = isLoopback(host) && isLoopback(managementHost);
        if (!loopback && auth.config().allowUnauthenticatedContainer()) {
            if (!runsInContainer(Path.of("/"), System.getenv())) {
                throw refusal(ALLOW_CONTAINER + "=true applies inside a container only (none of /"
                        + String.join(", /", CONTAINER_MARKERS) + " exists here, and " + CONTAINER_VARIABLE
                        + " is not set): configure an authorization server, or listen on 127.0.0.1.");
            }
            LOG.warnf("UNAUTHENTICATED: %s=true, so local mode listens on %s (MCP, port %d) and %s (management)"
                    + " without authentication. Anyone who reaches these ports acts as the single user '%s' and reads"
                    + " and changes every memory. Publish them on the host's loopback only (-p 127.0.0.1:%d:%d).",
                    ALLOW_CONTAINER, host, port, managementHost, CallerIdentity.LOCAL_USER, port, port);
            return;
        }
        refuseUnlessLoopback(host, "QUARKUS_HTTP_HOST");
        refuseUnlessLoopback(managementHost, "QUARKUS_MANAGEMENT_HOST");
        LOG.infof("Local mode: no authorization server configured. Serving the single user '%s' at"
                + " http://%s:%d/mcp, reachable from this machine only.", CallerIdentity.LOCAL_USER, host, port);
    }

    /**
     * Docker leaves /.dockerenv in every container, Podman /run/.containerenv and the variable {@code container}; the
     * variable is needed because Podman's {@code --read-only} mounts a tmpfs over /run that hides its file.
     */
    static boolean runsInContainer(Path root, Map<String, String> environment) {
        return environment.containsKey(CONTAINER_VARIABLE)
                || CONTAINER_MARKERS.stream().anyMatch(marker -> Files.exists(root.resolve(marker)));
    }

    void registerManagement(@Observes ManagementInterface management) {
        if (!auth.enabled()) {
            management.router().route().order(McpRouteOrder.ORIGIN).handler(origins::check);
        }
    }

    private static void refuseUnlessLoopback(String host, String setting) {
        if (!isLoopback(host)) {
            throw refusal("Refusing to listen on " + host + " without authentication: local mode serves a single user"
                    + " and must stay on 127.0.0.1. Configure an authorization server, or unset " + setting
                    + " (in a container published on the host's loopback only, -p 127.0.0.1:8080:8080, set "
                    + ALLOW_CONTAINER + "=true).");
        }
    }

    /** Quarkus prints a configuration problem's message alone, without a stack trace, and exits with 1. */
    private static ConfigurationException refusal(String reason) {
        return new ConfigurationException("min-memory: " + reason);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
