package dev.minmemory.server.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.minmemory.server.testing.Eventually;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The assembled application in local mode: health and metrics on the management interface, the HTTP guards. */
@QuarkusTest
class MemoryServerApplicationTest {

    /** The management interface's root, {@code /q}, on its own port. */
    @TestHTTPResource(management = true)
    URL management;

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",
             "capabilities":{},"clientInfo":{"name":"quarkus-test","version":"1"}}}""";

    @BeforeEach
    void waitUntilReady() {
        Eventually.within(Duration.ofSeconds(60),
                () -> given().get(managementPath("/health/ready")).statusCode() == 200);
    }

    @Test
    void readinessReportsTheModelAndTheEmbeddedStore() {
        given().get(managementPath("/health/ready")).then().statusCode(200)
                .body("checks.name", hasItems("embedding-model", "memory-store"));
    }

    @Test
    void healthNamesTheKindOfStoreAndNoPathOfTheDataDirectory() {
        String dataDir = ConfigProvider.getConfig().getValue("memory.data-dir", String.class);
        given().get(managementPath("/health/ready")).then().statusCode(200)
                .body("checks.find { it.name == 'memory-store' }.data.store", equalTo("embedded"))
                .body("checks.find { it.name == 'memory-store' }.data.quarantined_log_entries", equalTo("0"))
                .body(not(containsString(dataDir)));
        given().get(managementPath("/health/live")).then().statusCode(200).body("checks.name",
                hasItems("memory-store"));
    }

    @Test
    void mcpRequestsAreCountedInThePrometheusMetrics() {
        mcpPost().body(INITIALIZE).post("/mcp").then().statusCode(200);

        given().get(managementPath("/metrics")).then().statusCode(200)
                .body(containsString("mcp_server_requests_initialize_seconds_count"));
    }

    @Test
    void healthAndMetricsAreNotServedOnTheMcpPort() {
        for (String path : new String[] { "/q/health", "/q/health/ready", "/q/metrics" }) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void theManagementInterfaceRefusesAForeignHostInLocalMode() {
        given().header("Host", "evil.example.com").get(managementPath("/health/ready")).then().statusCode(403);
    }

    @Test
    void aRequestNamingAForeignHostIsRefused() {
        mcpPost().header("Host", "evil.example.com").body(INITIALIZE).post("/mcp").then().statusCode(403);
    }

    @Test
    void aBrowserOnAForeignOriginIsRefused() {
        mcpPost().header("Origin", "https://evil.example.com").body(INITIALIZE).post("/mcp").then().statusCode(403);
    }

    @Test
    void localModeServesNoOAuthMetadata() {
        given().get("/.well-known/oauth-protected-resource").then().statusCode(404);
    }

    private static RequestSpecification mcpPost() {
        return given().contentType(ContentType.JSON).accept("application/json, text/event-stream");
    }

    private String managementPath(String path) {
        return management.toString().replaceAll("/+$", "") + path;
    }
}
