package dev.minmemory.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The tools as an MCP client calls them, in the JVM (local mode, the embedded store, the real model): argument
 * conversion, the schema guardrail, the tool error interceptor and the scope rules behind the arguments.
 */
@QuarkusTest
class ToolsOverMcpTest extends OverMcpTest {

    private static final List<String> SCOPES = List.of("global", "project", "task");

    @Test
    void enumArgumentsAreAdvertisedAsTheirWireNames() {
        client.when().toolsList(page -> {
            assertThat(enumOf(page.findByName("store_memory").inputSchema(), "scope")).isEqualTo(SCOPES);
            assertThat(enumOf(page.findByName("list_entities").inputSchema(), "scope")).isEqualTo(SCOPES);
            assertThat(enumOf(page.findByName("search_entities").inputSchema(), "scope")).isEqualTo(SCOPES);
            assertThat(enumOf(page.findByName("retrieve_context").inputSchema(), "scope")).isEqualTo(SCOPES);
            assertThat(enumOf(page.findByName("update_memory").inputSchema(), "memory_type"))
                    .containsExactly("core_identity", "project_context", "task_instruction", "episodic");
            assertThat(enumOf(page.findByName("link_memories").inputSchema(), "relation_type"))
                    .contains("supersedes", "depends_on", "example_of");
        }).thenAssertResults();
    }

    @Test
    void listingTheGlobalScopeOfAProjectListsTheGlobalEntitiesAsRetrievalDoes() {
        String entity = "global-listing-" + System.nanoTime();
        call("store_memory", Map.of("text", "The user prefers tabs over spaces in every repository " + entity,
                "memory_type", "core_identity", "scope", "global", "entity", entity));

        JsonObject listed = structured(call("list_entities", Map.of("scope", "global", "project", "shop")));
        JsonObject retrieved = structured(call("retrieve_context", Map.of("query", "tabs over spaces " + entity,
                "scope", "global", "project", "shop", "include_related", false)));

        assertThat(listed.getJsonArray("entities").stream().map(e -> ((JsonObject) e).getString("entity")))
                .contains(entity);
        assertThat(retrieved.getJsonArray("memories").stream().map(m -> ((JsonObject) m).getString("entity")))
                .contains(entity);
    }

    @Test
    void anEnumValueOutsideTheSchemaIsRefusedNamingTheArgument() {
        ToolResponse response = call("store_memory", Map.of("text", "x", "memory_type", "episodic",
                "scope", "galaxy", "entity", "e"));

        assertThat(response.isError()).isTrue();
        assertThat(text(response)).startsWith("Invalid arguments for store_memory: ").contains("scope");
    }

    @Test
    void aBoundCrossedIsRefusedNamingTheArgument() {
        ToolResponse response = call("list_entities", Map.of("limit", 501));

        assertThat(response.isError()).isTrue();
        assertThat(text(response)).startsWith("Invalid arguments for list_entities: ").contains("limit");
    }

    @Test
    void aRequestTheDomainRefusesIsAToolErrorWithTheDomainsMessage() {
        ToolResponse response = call("store_memory", Map.of("text", "a task note", "memory_type", "episodic",
                "scope", "task", "entity", "e", "project", "shop"));

        assertThat(response.isError()).isTrue();
        assertThat(text(response)).isEqualTo("scope 'task' needs task_id: name the task, or use scope 'project'.");
    }

    @Test
    void anUnknownMemoryIsNotFoundInEveryTool() {
        String id = "00000000-0000-0000-0000-000000000000";

        assertThat(text(call("fetch", Map.of("id", id)))).contains("No memory with id");
        assertThat(text(call("delete_memory", Map.of("memory_id", id)))).contains("No memory with id");
        assertThat(text(call("link_memories", Map.of("memory_id", id, "related_id",
                "11111111-1111-1111-1111-111111111111", "relation_type", "supports")))).contains("No memory with id");
    }

    @Test
    void aRelationTypeArrivesAsTheEnumAndGoesBackAsItsWireName() {
        String first = structured(call("store_memory",
                Map.of("text", "Orders are stored in Postgres 16 " + System.nanoTime(),
                        "memory_type", "project_context", "scope", "project", "project", "shop", "entity", "orders")))
                .getString("id");
        String second = structured(call("store_memory",
                Map.of("text", "Invoices reference orders by id " + System.nanoTime(),
                        "memory_type", "project_context", "scope", "project", "project", "shop", "entity", "invoices")))
                .getString("id");

        JsonObject linked = structured(call("link_memories", Map.of("memory_id", second, "related_id", first,
                "relation_type", "depends_on")));

        assertThat(linked.getString("relation_type")).isEqualTo("depends_on");
    }

    @Test
    void aCorrectionIsStoredWithItsCandidateAndSupersedingItHidesTheOldMemoryUnlessAskedFor() {
        String project = "corrections-" + System.nanoTime();
        Map<String, Object> alice = Map.of("memory_type", "core_identity", "scope", "project", "project", project,
                "entity", "alice");
        String old = structured(call("store_memory", with(alice, "text", "Alice prefers tabs over spaces.")))
                .getString("id");
        JsonObject correction =
                structured(call("store_memory", with(alice, "text", "Alice prefers spaces over tabs.")));

        assertThat(correction.getBoolean("duplicate")).isFalse();
        assertThat(correction.getJsonArray("candidates").getJsonObject(0).getString("id")).isEqualTo(old);

        structured(call("link_memories", Map.of("memory_id", correction.getString("id"), "related_id", old,
                "relation_type", "supersedes")));
        Map<String, Object> question = Map.of("query", "does Alice prefer tabs or spaces", "project", project);
        JsonArray current = structured(call("retrieve_context", question)).getJsonArray("memories");
        JsonArray all = structured(call("retrieve_context", with(question, "include_superseded", true)))
                .getJsonArray("memories");

        assertThat(current.stream().map(m -> ((JsonObject) m).getString("id"))).contains(correction.getString("id"))
                .doesNotContain(old);
        assertThat(all.stream().map(m -> (JsonObject) m).filter(m -> m.getString("id").equals(old)))
                .singleElement().satisfies(m -> assertThat(m.getString("superseded_by"))
                        .isEqualTo(correction.getString("id")));
    }

    @Test
    void aCreationTimeThatIsNoDateIsRefusedNamingTheArgument() {
        ToolResponse response = call("retrieve_context", Map.of("query", "what did we decide",
                "created_after", "last week"));

        assertThat(response.isError()).isTrue();
        assertThat(text(response)).startsWith("created_after must be an ISO-8601 instant").contains("'last week'");
    }

    private ToolResponse call(String tool, Map<String, Object> arguments) {
        ToolResponse[] response = new ToolResponse[1];
        client.when().toolsCall(tool, arguments, r -> response[0] = r).thenAssertResults();
        return response[0];
    }

    private static Map<String, Object> with(Map<String, Object> arguments, String name, Object value) {
        Map<String, Object> all = new java.util.HashMap<>(arguments);
        all.put(name, value);
        return all;
    }

    private static JsonObject structured(ToolResponse response) {
        assertThat(response.isError()).as(text(response)).isFalse();
        return JsonObject.mapFrom(response.structuredContent());
    }

    private static String text(ToolResponse response) {
        return ((TextContent) response.content().get(0)).text();
    }

    private static List<Object> enumOf(JsonObject inputSchema, String argument) {
        JsonArray values = inputSchema.getJsonObject("properties").getJsonObject(argument).getJsonArray("enum");
        return values == null ? List.of() : values.getList();
    }
}
