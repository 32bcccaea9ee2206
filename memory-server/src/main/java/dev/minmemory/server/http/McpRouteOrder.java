package dev.minmemory.server.http;

/**
 * Where our handlers on {@code /mcp} run among Quarkus's: after its CORS filter (order -300), so that preflight
 * requests are answered and every answer, refusals included, carries the CORS headers a browser client needs to
 * read it; before the MCP endpoint itself.
 */
public final class McpRouteOrder {

    public static final int TRANSPORTS = -200;
    public static final int ORIGIN = -199;
    public static final int ACCESS = -198;

    private McpRouteOrder() {
    }
}
