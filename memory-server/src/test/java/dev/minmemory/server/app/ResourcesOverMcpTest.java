package dev.minmemory.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
import io.quarkiverse.mcp.server.test.McpAssured.ResourceInfo;
import io.quarkiverse.mcp.server.test.McpAssured.ResourcesPage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/**
 * The memory:// addresses that search and fetch hand out, read and listed as MCP resources (local mode, embedded
 * store).
 */
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
        String foreign = memories.store("someone-else", note("Their deploy key is in the vault")).id();
        String missing = "00000000-0000-0000-0000-000000000000";

        McpError foreignError = readError(foreign);
        McpError missingError = readError(missing);

        assertThat(foreignError.code()).isEqualTo(JsonRpcErrorCodes.RESOURCE_NOT_FOUND)
                .isEqualTo(missingError.code());
        assertThat(foreignError.message()).isEqualTo(missingError.message().replace(missing, foreign))
                .contains("No memory with id");
    }

    @Test
    void theListStartsWithTheNewestMemories() throws InterruptedException {
        List<String> stored = new ArrayList<>();
        for (String text : List.of("first", "second", "third")) {
            stored.add(0, "memory://" + store("The " + text + " note on the release train " + System.nanoTime()));
            Thread.sleep(2);
        }

        ResourcesPage page = firstPage();

        assertThat(page.resources().subList(0, 3)).extracting(ResourceInfo::uri).isEqualTo(stored);
        ResourceInfo newest = page.resources().get(0);
        assertThat(newest.title()).startsWith("releases: The third note on the release train");
        assertThat(newest.name()).isEqualTo(newest.title());
        assertThat(newest.mimeType()).isEqualTo("application/json");
        assertThat(newest.annotations().lastModified()).isNotBlank();
    }

    @Test
    void pagingThroughTheListShowsEveryOwnMemoryOnceAndNoOneElses() {
        List<String> own = IntStream.range(0, 60).mapToObj(i -> "memory://" + memories.store("local",
                note("Paging note " + i + " " + System.nanoTime())).id()).toList();
        String foreign = "memory://" + memories.store("someone-else", note("Their paging note")).id();

        List<String> listed = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            ResourcesPage page = page(cursor);
            assertThat(page.size()).isLessThanOrEqualTo(50);
            page.resources().forEach(resource -> listed.add(resource.uri()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isGreaterThan(1);
        assertThat(listed).doesNotHaveDuplicates().containsAll(own).doesNotContain(foreign);
    }

    @Test
    void everyListedUriReadsBack() {
        store("The wombat cache is flushed nightly " + System.nanoTime());

        for (ResourceInfo resource : firstPage().resources().subList(0, 1)) {
            client.when().resourcesRead(resource.uri(), response -> assertThat(response.firstContents().asText().uri())
                    .isEqualTo(resource.uri())).thenAssertResults();
        }
    }

    @Test
    void aCursorThisServerDidNotGiveOutIsInvalidParams() {
        Response answer = McpSession.open().request("resources/list", Map.of("cursor", "not-ours"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(answer.body().asString());
        assertThat(body.getValue("id")).isNotNull();
        assertThat(body.getJsonObject("error").getInteger("code")).isEqualTo(JsonRpcErrorCodes.INVALID_PARAMS);
        assertThat(body.getJsonObject("error").getString("message")).contains("params.cursor", "nextCursor");
    }

    private ResourcesPage firstPage() {
        return page(null);
    }

    private ResourcesPage page(String cursor) {
        ResourcesPage[] page = new ResourcesPage[1];
        var list = client.when().resourcesList().withAssert(p -> page[0] = p);
        if (cursor != null) {
            list.withCursor(cursor);
        }
        list.send().thenAssertResults();
        return page[0];
    }

    private static NewMemory note(String text) {
        return new NewMemory(text, MemoryType.PROJECT_CONTEXT, Scope.GLOBAL, "paging", null, null, List.of(), Map.of(),
                List.of(), null, null);
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
