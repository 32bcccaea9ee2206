package dev.minmemory.server.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;

/**
 * Serves MCP over Streamable HTTP only. The MCP extension also exposes the deprecated HTTP+SSE transport of
 * 2024-11-05 ({@code /mcp/sse} and its message endpoints), whose sessions live in the URL rather than in the
 * {@code Mcp-Session-Id} header that the access checks bind to their owner; nothing we support needs it.
 */
@Singleton
public class StreamableHttpOnly {

    void register(@Observes Router router) {
        router.routeWithRegex("/mcp/(sse|messages)(/.*)?").order(McpRouteOrder.TRANSPORTS)
                .handler(context -> context.response().setStatusCode(404).end());
    }
}
