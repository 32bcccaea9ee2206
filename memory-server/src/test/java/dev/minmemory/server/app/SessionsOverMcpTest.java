package dev.minmemory.server.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkiverse.mcp.server.runtime.McpConnectionBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Session ids are signed tokens, and a session outlives the MCP layer's connection for it (see McpSessions). */
@QuarkusTest
class SessionsOverMcpTest {

    @Inject
    ConnectionManager connections;

    @Test
    void theSessionIdIsASignedTokenAndNoneOfTheMcpLayersConnectionIds() {
        McpSession session = McpSession.open();

        assertThat(session.id()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(connectionIds()).isNotEmpty().doesNotContain(session.id());
    }

    @Test
    void aSessionContinuesAfterTheMcpLayerDroppedItsConnectionAsOnAReplicaThatNeverSawIt() {
        McpSession session = McpSession.open();
        connectionIds().forEach(connections::remove);

        assertThat(session.request("tools/list", Map.of()).statusCode()).isEqualTo(200);
        assertThat(session.request("ping", Map.of()).statusCode()).isEqualTo(200);
        assertThat(connectionIds()).hasSize(1);
    }

    @Test
    void anIdThatIsNotATokenOfThisServerIsNotFoundAndOpensNoConnection() {
        McpSession.open();
        List<String> before = connectionIds();

        for (String id : List.of(before.get(0), "6b1c3f0e-2a4d-4b8e-9c1f-7d5e3a2b1c0d", "forged.token")) {
            given().contentType(ContentType.JSON).accept("application/json, text/event-stream")
                    .header("Mcp-Session-Id", id).body(Map.of("jsonrpc", "2.0", "id", 1, "method", "ping"))
                    .post("/mcp").then().statusCode(404);
        }
        assertThat(connectionIds()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aDeletedSessionIsNotFoundOnThisServerFromThenOn() {
        McpSession session = McpSession.open();

        assertThat(session.delete().statusCode()).isEqualTo(200);
        assertThat(session.request("ping", Map.of()).statusCode()).isEqualTo(404);
    }

    private List<String> connectionIds() {
        return StreamSupport.stream(connections.spliterator(), false).map(McpConnectionBase::id).toList();
    }
}
