package dev.minmemory.server.app;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.common.http.TestHTTPResource;

/** An in-JVM test over MCP: each test gets its own connected Streamable HTTP client of the running server. */
abstract class OverMcpTest {

    @TestHTTPResource
    URI baseUri;

    McpStreamableTestClient client;

    @BeforeEach
    void connect() {
        McpAssured.baseUri = baseUri;
        client = McpAssured.newConnectedStreamableClient();
    }

    @AfterEach
    void disconnect() {
        client.disconnect();
    }
}
