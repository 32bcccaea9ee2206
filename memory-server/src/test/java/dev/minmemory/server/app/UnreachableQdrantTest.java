package dev.minmemory.server.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.minmemory.server.store.qdrant.FakeQdrant;
import dev.minmemory.server.testing.Eventually;
import dev.minmemory.server.testing.FreePort;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The whole server with {@code QDRANT_URL} pointing at a Qdrant that is not there yet: it starts, readiness is DOWN,
 * a tool call answers "Storage unavailable"; once Qdrant comes up on that port, readiness turns UP and tools work.
 */
@QuarkusTest
@TestProfile(UnreachableQdrantTest.QdrantNotThereYet.class)
class UnreachableQdrantTest {

    static final int QDRANT_PORT = FreePort.find();

    /** The management interface's root, {@code /q}, on its own port. */
    @TestHTTPResource(management = true)
    URL management;

    public static class QdrantNotThereYet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("memory.qdrant.url", "http://localhost:" + QDRANT_PORT,
                    "memory.qdrant.collection", "unreachable-test",
                    "memory.data-dir", "target/unreachable-qdrant-test");
        }
    }

    @Test
    void theServerStaysNotReadyAndAnswersStorageUnavailableUntilQdrantComesUpThenRecovers() {
        Response notReady = given().get(managementPath("/health/ready"));
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body().asString()).contains("memory-store").contains("DOWN");

        McpSession mcp = McpSession.open();
        String refused = mcp.callTool("search", Map.of("query", "anything"));
        assertThat(refused).contains("\"isError\":true").contains("Storage unavailable").contains("Retry");

        try (FakeQdrant qdrant = FakeQdrant.start(QDRANT_PORT, new FakeQdrant.Storage())) {
            Eventually.within(Duration.ofSeconds(60),
                    () -> given().get(managementPath("/health/ready")).statusCode() == 200);

            String stored = mcp.callTool("store_memory", Map.of("text", "Qdrant came back", "memory_type",
                    "episodic", "scope", "global", "entity", "qdrant"));
            assertThat(stored).doesNotContain("\"isError\":true").contains("\"id\"");
            // The memory, and the point that records the collection's layout.
            assertThat(qdrant.pointCount("unreachable-test")).isEqualTo(2);
        }
    }

    private String managementPath(String path) {
        return management.toString().replaceAll("/+$", "") + path;
    }
}
