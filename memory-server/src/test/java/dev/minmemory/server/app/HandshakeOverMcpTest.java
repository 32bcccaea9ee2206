package dev.minmemory.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.InitResult;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkiverse.mcp.server.test.McpAssured.ServerCapability;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** What a client learns from {@code initialize}: how to use the memory, and what the server can do. */
@QuarkusTest
class HandshakeOverMcpTest {

    @TestHTTPResource
    URI baseUri;

    @Test
    void initializeTellsTheAssistantWhenToRecallWhatToStoreAndHowToRecordAChange() {
        InitResult init = handshake();

        assertThat(init.instructions()).contains("retrieve_context", "store_memory", "global", "project", "task",
                "supersedes");
    }

    @Test
    void theToolListIsNotAdvertisedAsChangingBecauseItNeverDoes() {
        InitResult init = handshake();

        assertThat(init.capabilities()).filteredOn(capability -> capability.name().equals("tools"))
                .singleElement().extracting(ServerCapability::properties)
                .satisfies(properties -> assertThat(properties).doesNotContainKey("listChanged"));
    }

    private InitResult handshake() {
        McpAssured.baseUri = baseUri;
        McpStreamableTestClient client = McpAssured.newConnectedStreamableClient();
        try {
            return client.initResult();
        } finally {
            client.disconnect();
        }
    }
}
