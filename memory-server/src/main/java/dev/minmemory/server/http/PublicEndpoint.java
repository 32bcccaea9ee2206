package dev.minmemory.server.http;

import java.net.URI;
import java.util.Locale;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where clients reach this server: {@code MEMORY_PUBLIC_URL} (for example {@code https://memory.team-a.example.com}),
 * or the local address. The canonical MCP resource, the audience tokens are checked against by default and the URL
 * in OAuth metadata all derive from it.
 */
@Singleton
public class PublicEndpoint {

    private final URI origin;

    public PublicEndpoint(HttpConfig config, @ConfigProperty(name = "quarkus.http.port") int port) {
        this.origin = config.publicUrl()
                .map(url -> URI.create(url.replaceAll("/+$", "")))
                .orElse(URI.create("http://localhost:" + port));
        if (origin.getScheme() == null || origin.getHost() == null) {
            throw new IllegalStateException("MEMORY_PUBLIC_URL must be an absolute URL such as"
                    + " https://memory.example.com, not '" + origin + "'");
        }
    }

    public String origin() {
        return origin.toString();
    }

    /** The canonical URI of the MCP resource (RFC 8707): the origin plus {@code /mcp}. */
    public String mcpResource() {
        return origin + "/mcp";
    }

    public String host() {
        return origin.getHost().toLowerCase(Locale.ROOT);
    }
}
