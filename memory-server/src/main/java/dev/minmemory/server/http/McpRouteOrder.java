package dev.minmemory.server.http;

/**
 * Where our handlers on {@code /mcp} (and, at the same steps, on {@code /console}) run among Quarkus's: after its CORS filter (order -300), so that preflight
 * requests are answered and every answer, refusals included, carries the CORS headers a browser client needs to
 * read it; before the MCP endpoint itself. Each step may refuse the request; the body is read (within its size and
 * time limits) before anyone looks at it, the caller is known before the session and before the caller's work is
 * counted, and the MCP layer only ever sees well-formed JSON-RPC.
 */
public final class McpRouteOrder {

    public static final int TRANSPORTS = -200;
    public static final int ORIGIN = -199;
    public static final int BODY_DEADLINE = -198;
    public static final int BODY = -197;
    public static final int ACCESS = -196;
    public static final int SESSIONS = -195;
    public static final int ENVELOPE = -194;
    public static final int IN_FLIGHT = -193;

    private McpRouteOrder() {
    }
}
