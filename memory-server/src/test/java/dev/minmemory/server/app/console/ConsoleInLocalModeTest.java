package dev.minmemory.server.app.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.NewMemory;
import dev.minmemory.server.memory.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The web console's API in local mode: every operation for the single local user, and the cross-site checks. */
@QuarkusTest
class ConsoleInLocalModeTest {

    @Inject
    MemoryService memories;

    private final String project = "console-" + UUID.randomUUID();

    @Test
    void theConfigurationSaysLocalMode() {
        given().get("/console/api/config").then().statusCode(200).body("mode", equalTo("local"))
                .body("client_id", nullValue());
    }

    @Test
    void consoleRedirectsToThePage() {
        given().redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", equalTo("/console/"));
    }

    @Test
    void browsingPagesThroughTheMemoriesNewestFirstWithFilters() {
        String first = store("The console lists memories one page at a time.", "console", List.of());
        String second = store("Pages come newest first.", "paging", List.of("ui"));
        String third = store("A cursor says where the next page starts.", "paging", List.of("ui"));

        String cursor = given().queryParam("project", project).queryParam("limit", 2).get("/console/api/memories")
                .then().statusCode(200).body("memories.id", equalTo(List.of(third, second)))
                .body("memories[0].memory_type", equalTo("project_context"))
                .body("memories[0].created_at", notNullValue())
                .body("next_cursor", notNullValue()).extract().path("next_cursor");
        given().queryParam("project", project).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/console/api/memories").then().statusCode(200).body("memories.id", equalTo(List.of(first)))
                .body("next_cursor", nullValue());
        given().queryParam("project", project).queryParam("entity", "paging").queryParam("tag", "ui")
                .queryParam("scope", "project").queryParam("memory_type", "project_context").queryParam("task_id", "")
                .get("/console/api/memories").then().statusCode(200).body("memories.id", equalTo(List.of(third,
                        second)));
    }

    @Test
    void aMemoryComesWithItsLinksFromBothEnds() {
        String rule = store("Releases need two approvals.", "releases", List.of());
        String example = store("Release 4.2 had approvals from Ana and Bo.", "releases", List.of());

        change().body("{\"related_id\":\"" + rule + "\",\"relation_type\":\"example_of\"}")
                .post("/console/api/memories/" + example + "/links").then().statusCode(200)
                .body("memory.relation_types." + rule, equalTo("example_of"));

        given().get("/console/api/memories/" + rule).then().statusCode(200).body("memory.id", equalTo(rule))
                .body("links", hasSize(1)).body("links[0].id", equalTo(example))
                .body("links[0].relation_type", equalTo("example_of"))
                .body("links[0].direction", equalTo("incoming"))
                .body("links[0].text", equalTo("Release 4.2 had approvals from Ana and Bo."));
        given().get("/console/api/memories/" + example).then().statusCode(200)
                .body("links[0].direction", equalTo("outgoing"));
    }

    @Test
    void linkingAsTheToolRefusesIsRefusedWithTheToolsMessage() {
        String memory = store("The staging database is refreshed nightly.", "staging", List.of());

        change().body("{\"related_id\":\"" + memory + "\",\"relation_type\":\"supports\"}")
                .post("/console/api/memories/" + memory + "/links").then().statusCode(400)
                .body("error", containsString("cannot be linked to itself"));
        String missing = UUID.randomUUID().toString();
        change().body("{\"related_id\":\"" + missing + "\",\"relation_type\":\"supports\"}")
                .post("/console/api/memories/" + memory + "/links").then().statusCode(404)
                .body("error", equalTo("No memory with id '" + missing + "' exists."));
        change().body("{\"related_id\":\"x\",\"relation_type\":\"likes\"}")
                .post("/console/api/memories/" + memory + "/links").then().statusCode(400)
                .body("error", containsString("'likes' is not one of"));
    }

    @Test
    void anUpdateChangesTextTypeAndTagsAndSearchFindsTheNewMeaning() {
        String id = store("The build uses Gradle.", "build", List.of("old"));

        change().body("{\"text\":\"The build uses Maven with a wrapper.\",\"memory_type\":\"task_instruction\","
                + "\"tags\":[\"maven\"]}").patch("/console/api/memories/" + id).then().statusCode(200)
                .body("memory.text", equalTo("The build uses Maven with a wrapper."))
                .body("memory.memory_type", equalTo("task_instruction")).body("memory.tags", equalTo(List.of("maven")));

        given().queryParam("query", "Maven wrapper").queryParam("project", project).get("/console/api/search").then()
                .statusCode(200).body("results[0].memory.id", equalTo(id))
                .body("results[0].relevance", notNullValue()).body("results[0].similarity", notNullValue());
    }

    @Test
    void anUpdateTheToolWouldRefuseIsRefusedWithTheToolsMessage() {
        String id = store("The API listens on port 8443.", "api", List.of());

        change().body("{\"text\":\"   \"}").patch("/console/api/memories/" + id).then().statusCode(400)
                .body("error", equalTo("text must not be empty or only white space or invisible characters."));
        change().body("{}").patch("/console/api/memories/" + id).then().statusCode(400)
                .body("error", containsString("Nothing to update"));
        change().body("{\"memory_type\":\"gossip\"}").patch("/console/api/memories/" + id).then().statusCode(400)
                .body("error", containsString("'gossip' is not one of core_identity, project_context"));
        change().body("{\"txt\":\"typo\"}").patch("/console/api/memories/" + id).then().statusCode(400)
                .body("error", containsString("Unknown field 'txt'"));
        change().body("{\"text\": ").patch("/console/api/memories/" + id).then().statusCode(400)
                .contentType(ContentType.JSON).body("error", notNullValue());
        change().body("{\"tags\":\"one\"}").patch("/console/api/memories/" + id).then().statusCode(400)
                .body("error", equalTo("The body's field 'tags' does not have the type it takes."));
        change().body("[]").patch("/console/api/memories/" + id).then().statusCode(400)
                .body("error", equalTo("The body must be a JSON object."));
    }

    @Test
    void deletingHidesTheMemoryEverywhereAndAMissingIdIsNotFound() {
        String id = store("The old wiki lives at wiki.example.com.", "wiki", List.of());

        change().delete("/console/api/memories/" + id).then().statusCode(204);

        given().get("/console/api/memories/" + id).then().statusCode(404).body("error", containsString(id));
        given().queryParam("project", project).get("/console/api/memories").then().statusCode(200)
                .body("memories", hasSize(0));
        change().delete("/console/api/memories/" + UUID.randomUUID()).then().statusCode(404);
        change().body("{\"text\":\"x\"}").patch("/console/api/memories/" + UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void theOverviewCountsTheLiveMemoriesPerProjectTypeEntityAndDay() {
        store("Overview memory one.", "overview-entity", List.of());
        store("Overview memory two.", "overview-entity", List.of());

        given().get("/console/api/overview").then().statusCode(200)
                .body("by_project.find { it.name == '" + project + "' }.count", equalTo(2))
                .body("by_type.name", hasItem("project_context"))
                .body("by_entity.find { it.name == 'overview-entity' }.count", equalTo(2))
                .body("by_day[0].day", notNullValue()).body("total", notNullValue());
    }

    @Test
    void theExportIsADownloadOfTheOwnMemoriesInTheExportFormat() throws Exception {
        String id = store("Exports are JSON Lines.", "export", List.of());

        var response = given().get("/console/api/export").then().statusCode(200)
                .contentType("application/x-ndjson")
                .header("Content-Disposition", equalTo("attachment; filename=\"min-memory-export.jsonl\""))
                .extract().asString();

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = response.lines().map(line -> {
            try {
                return json.readTree(line);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        JsonNode line = lines.stream().filter(l -> l.path("memory").path("id").asText().equals(id)).findFirst()
                .orElseThrow();
        assertThat(line.path("format").asText()).isEqualTo("min-memory/1");
        assertThat(line.path("memory").path("user").asText()).isEqualTo(CallerIdentity.LOCAL_USER);
        assertThat(line.path("vector").size()).isEqualTo(384);
    }

    @Test
    void aChangeWithoutTheConsolesOwnOriginIsRefused() {
        String id = store("Only the console's own page may change memories.", "csrf", List.of());

        given().contentType(ContentType.JSON).body("{\"text\":\"changed\"}").patch("/console/api/memories/" + id)
                .then().statusCode(403).body("error", containsString("Origin"));
        given().header("Origin", "http://localhost:1").contentType(ContentType.JSON).body("{\"text\":\"changed\"}")
                .patch("/console/api/memories/" + id).then().statusCode(403);
        // A foreign site's origin does not even pass the CORS filter, which answers 403 without a body.
        given().header("Origin", "https://evil.example.com").delete("/console/api/memories/" + id).then()
                .statusCode(403);
        given().get("/console/api/memories/" + id).then().statusCode(200)
                .body("memory.text", equalTo("Only the console's own page may change memories."));
    }

    @Test
    void aForeignHostIsRefusedOnTheConsoleAsOnMcp() {
        given().header("Host", "evil.example.com").get("/console/api/overview").then().statusCode(403)
                .body("error", notNullValue());
        given().header("Host", "evil.example.com").get("/console/").then().statusCode(403);
    }

    @Test
    void unknownPathsWrongMethodsAndBadParametersAreJsonErrors() {
        given().get("/console/api/nothing-here").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", notNullValue());
        change().put("/console/api/overview").then().statusCode(405).contentType(ContentType.JSON)
                .body("error", notNullValue());
        given().queryParam("limit", 0).get("/console/api/memories").then().statusCode(400)
                .body("error", containsString("limit"));
        given().queryParam("cursor", "made-up").get("/console/api/memories").then().statusCode(400)
                .body("error", containsString("cursor"));
        given().queryParam("scope", "galaxy").get("/console/api/memories").then().statusCode(400)
                .body("error", containsString("'galaxy' is not one of global, project, task"));
        given().get("/console/api/search").then().statusCode(400).body("error", containsString("query"));
    }

    private String store(String text, String entity, List<String> tags) {
        return memories.store(CallerIdentity.LOCAL_USER, new NewMemory(text, MemoryType.PROJECT_CONTEXT,
                Scope.PROJECT, entity, project, null, null, null, tags, null, null)).id();
    }

    /** A change as the console's page sends it: with its own origin. */
    private static RequestSpecification change() {
        return given().header("Origin", RestAssured.baseURI + ":" + RestAssured.port).contentType(ContentType.JSON);
    }
}
