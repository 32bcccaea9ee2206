package dev.minmemory.server.app;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A minimal MCP Streamable HTTP client for in-JVM tests: initialize once, then send requests; answers come back raw. */
final class McpSession {

    private final String sessionId;
    private final AtomicInteger ids = new AtomicInteger(1);

    private McpSession(String sessionId) {
        this.sessionId = sessionId;
    }

    static McpSession open() {
        Response init = post(null, Map.of("jsonrpc", "2.0", "id", 0, "method", "initialize", "params",
                Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "test", "version", "1"))));
        String session = init.header("Mcp-Session-Id");
        post(session, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
        return new McpSession(session);
    }

    String id() {
        return sessionId;
    }

    Response delete() {
        return given().header("Mcp-Session-Id", sessionId).delete("/mcp");
    }

    String callTool(String name, Map<String, Object> arguments) {
        return request("tools/call", Map.of("name", name, "arguments", arguments)).body().asString();
    }

    Response request(String method, Map<String, Object> params) {
        return post(sessionId, Map.of("jsonrpc", "2.0", "id", ids.incrementAndGet(), "method", method, "params",
                params));
    }

    private static Response post(String session, Map<String, Object> body) {
        var request = given().contentType(ContentType.JSON).accept("application/json, text/event-stream");
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request.body(body).post("/mcp");
    }
}
