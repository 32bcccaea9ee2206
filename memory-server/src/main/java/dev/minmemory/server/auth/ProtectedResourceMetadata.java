package dev.minmemory.server.auth;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.minmemory.server.http.PublicEndpoint;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * RFC 9728 Protected Resource Metadata, served at the well-known path and at its {@code /mcp} variant, so that
 * clients find the authorization server from the 401 challenge or from the MCP URL alone.
 */
@Singleton
public class ProtectedResourceMetadata {

    void register(@Observes Router router, AuthSettings auth, PublicEndpoint endpoint) {
        if (!auth.enabled()) {
            return;
        }
        String metadata = new JsonObject()
                .put("resource", endpoint.mcpResource())
                .put("authorization_servers", List.of(auth.issuer()))
                .put("scopes_supported", List.of(AuthSettings.READ_SCOPE, AuthSettings.WRITE_SCOPE))
                .put("bearer_methods_supported", List.of("header"))
                .put("resource_name", "min-memory")
                .encodePrettily();
        for (String path : List.of(BearerChallenge.METADATA_PATH, BearerChallenge.METADATA_PATH + "/mcp")) {
            router.get(path).handler(context -> context.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "max-age=3600")
                    .end(metadata));
        }
    }
}
