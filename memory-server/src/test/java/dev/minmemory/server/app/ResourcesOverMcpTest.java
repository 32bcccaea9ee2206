package dev.minmemory.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.NewMemory;
import dev.minmemory.server.memory.Scope;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.ResourceResponse;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.test.McpAssured.McpError;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** The memory:// addresses that search and fetch hand out, read as MCP resources (local mode, embedded store). */
@QuarkusTest
class ResourcesOverMcpTest extends OverMcpTest {

    @Inject
    MemoryService memories;

    @Test
    void theMemoryTemplateIsListed() {
        client.when().resourcesTemplatesList(page -> assertThat(page.findByUriTemplate("memory://{id}"))
                .satisfies(template -> {
                    assertThat(template.name()).isEqualTo("memory");
                    assertThat(template.mimeType()).isEqualTo("application/json");
                })).thenAssertResults();
    }

    @Test
    void readingAnOwnMemoryReturnsWhatFetchReturns() {
        String id = store("The release train leaves every second Tuesday " + System.nanoTime());
        ToolResponse[] fetched = new ToolResponse[1];
        ResourceResponse[] read = new ResourceResponse[1];

        client.when()
                .toolsCall("fetch", Map.of("id", id), response -> fetched[0] = response)
                .resourcesRead("memory://" + id, response -> read[0] = response)
                .thenAssertResults();

        TextResourceContents contents = read[0].firstContents().asText();
        assertThat(contents.uri()).isEqualTo("memory://" + id);
        assertThat(contents.mimeType()).isEqualTo("application/json");
        assertThat(new JsonObject(contents.text())).isEqualTo(JsonObject.mapFrom(fetched[0].structuredContent()));
    }

    @Test
    void someoneElsesMemoryIsAnsweredExactlyLikeAMissingOne() {
        String foreign = memories.store("someone-else", new NewMemory("Their deploy key is in the vault",
                MemoryType.PROJECT_CONTEXT, Scope.GLOBAL, "deploys", null, null, List.of(), Map.of(), List.of(), null,
                null)).id();
        String missing = "00000000-0000-0000-0000-000000000000";

        McpError foreignError = readError(foreign);
        McpError missingError = readError(missing);

        assertThat(foreignError.code()).isEqualTo(JsonRpcErrorCodes.RESOURCE_NOT_FOUND)
                .isEqualTo(missingError.code());
        assertThat(foreignError.message()).isEqualTo(missingError.message().replace(missing, foreign))
                .contains("No memory with id");
    }

    private McpError readError(String id) {
        McpError[] error = new McpError[1];
        client.when().resourcesRead("memory://" + id).withErrorAssert(e -> error[0] = e).send().thenAssertResults();
        return error[0];
    }

    private String store(String text) {
        ToolResponse[] response = new ToolResponse[1];
        client.when().toolsCall("store_memory", Map.of("text", text, "memory_type", "project_context", "scope",
                "project", "project", "resources-test", "entity", "releases"), r -> response[0] = r)
                .thenAssertResults();
        return JsonObject.mapFrom(response[0].structuredContent()).getString("id");
    }
}
