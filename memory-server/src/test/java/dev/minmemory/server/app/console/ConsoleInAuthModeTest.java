package dev.minmemory.server.app.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.NewMemory;
import dev.minmemory.server.memory.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The web console's API with an authorization server: bearer tokens checked as on /mcp, scopes by method, and each
 * person's memories invisible to everyone else.
 */
@QuarkusTest
@TestProfile(ConsoleInAuthModeTest.WithAnAuthorizationServer.class)
class ConsoleInAuthModeTest {

    public static class WithAnAuthorizationServer implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestAuthorizationServer.class));
        }
    }

    private static final String BOTH = "mcp:read mcp:write";

    @Inject
    MemoryService memories;

    @Test
    void theConfigurationNamesTheIssuerTheClientAndTheScopesWithoutAToken() {
        given().get("/console/api/config").then().statusCode(200).body("mode", equalTo("oauth"))
                .body("issuer", equalTo(issuer())).body("client_id", equalTo("console-test-client"))
                .body("scopes", equalTo(List.of("openid", "mcp:read", "mcp:write")))
                .body("resource", containsString("/mcp"));
    }

    @Test
    void withoutAValidTokenEveryOperationIsRefusedWithTheChallengeOfMcp() {
        String challenge = given().post("/mcp").then().statusCode(401).extract().header("WWW-Authenticate");

        for (var request : Map.of("GET", "/console/api/memories", "GET ", "/console/api/search?query=x",
                "GET  ", "/console/api/overview", "GET   ", "/console/api/export", "PATCH", "/console/api/memories/x",
                "DELETE", "/console/api/memories/x", "POST", "/console/api/memories/x/links").entrySet()) {
            given().contentType(ContentType.JSON).body("{}").request(request.getKey().strip(), request.getValue())
                    .then().statusCode(401).header("WWW-Authenticate", equalTo(challenge))
                    .contentType(ContentType.JSON).body("error", notNullValue());
        }
        given().header("Authorization", "Bearer not-a-token").get("/console/api/memories").then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"));
    }

    @Test
    void everyOperationWorksWithAToken() {
        String user = user("alice");
        String rule = memories.store(user, memory("Alice's deploys need a green build.", "deploys")).id();
        String example = memories.store(user, memory("Alice deployed 4.2 after build 311 passed.", "deploys")).id();
        RequestSpecification alice = as("alice", BOTH);

        alice.get("/console/api/memories").then().statusCode(200).body("memories.id", equalTo(List.of(example,
                rule)));
        as("alice", BOTH).body("{\"related_id\":\"" + rule + "\",\"relation_type\":\"example_of\"}")
                .post("/console/api/memories/" + example + "/links").then().statusCode(200);
        as("alice", BOTH).get("/console/api/memories/" + rule).then().statusCode(200)
                .body("links[0].id", equalTo(example));
        as("alice", BOTH).body("{\"tags\":[\"ci\"]}").patch("/console/api/memories/" + rule).then().statusCode(200)
                .body("memory.tags", equalTo(List.of("ci")));
        as("alice", BOTH).queryParam("query", "green build").get("/console/api/search").then().statusCode(200)
                .body("results.memory.id", containsInAnyOrder(rule, example));
        as("alice", BOTH).get("/console/api/overview").then().statusCode(200).body("total", equalTo(2));
        String export = as("alice", BOTH).get("/console/api/export").then().statusCode(200).extract().asString();
        assertThat(export.lines()).hasSize(2);
        as("alice", BOTH).delete("/console/api/memories/" + example).then().statusCode(204);
        as("alice", BOTH).get("/console/api/memories").then().statusCode(200).body("memories.id",
                equalTo(List.of(rule)));
    }

    @Test
    void readingNeedsTheReadScopeAndChangingTheWriteScope() {
        String id = memories.store(user("carol"), memory("Carol reviews on Mondays.", "reviews")).id();

        as("carol", "mcp:read").get("/console/api/memories/" + id).then().statusCode(200);
        as("carol", "mcp:read").body("{\"text\":\"Carol reviews on Tuesdays.\"}").patch("/console/api/memories/" + id)
                .then().statusCode(403).header("WWW-Authenticate", containsString("insufficient_scope"))
                .header("WWW-Authenticate", containsString("mcp:write")).body("error", notNullValue());
        as("carol", "mcp:read").delete("/console/api/memories/" + id).then().statusCode(403);
        as("carol", "mcp:write").get("/console/api/overview").then().statusCode(403)
                .header("WWW-Authenticate", containsString("mcp:read"));
    }

    @Test
    void anotherPersonSeesNoneOfTheMemoriesAndTheirIdsAreMissingIds() {
        String secret = memories.store(user("dana"), memory("Dana's locker code is 4711.", "locker")).id();

        as("erin", BOTH).get("/console/api/memories/" + secret).then().statusCode(404);
        as("erin", BOTH).body("{\"text\":\"mine now\"}").patch("/console/api/memories/" + secret).then()
                .statusCode(404);
        as("erin", BOTH).delete("/console/api/memories/" + secret).then().statusCode(404);
        String own = memories.store(user("erin"), memory("Erin has no locker.", "locker")).id();
        as("erin", BOTH).body("{\"related_id\":\"" + secret + "\",\"relation_type\":\"supports\"}")
                .post("/console/api/memories/" + own + "/links").then().statusCode(404);
        as("erin", BOTH).get("/console/api/memories").then().statusCode(200).body("memories.id",
                equalTo(List.of(own)));
        as("erin", BOTH).queryParam("query", "locker code 4711").get("/console/api/search").then().statusCode(200)
                .body("results", hasSize(1)).body("results[0].memory.id", equalTo(own));
        as("erin", BOTH).get("/console/api/overview").then().statusCode(200).body("total", equalTo(1));
        as("erin", BOTH).get("/console/api/export").then().statusCode(200).body(not(containsString(secret)))
                .body(not(containsString("4711")));
        as("dana", BOTH).get("/console/api/memories/" + secret).then().statusCode(200)
                .body("memory.text", equalTo("Dana's locker code is 4711."));
    }

    private static RequestSpecification as(String subject, String scopes) {
        return given().header("Authorization", "Bearer " + TestAuthorizationServer.token(issuer(), subject, scopes))
                .contentType(ContentType.JSON);
    }

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("memory.auth.issuer", String.class);
    }

    /** The partition of a subject of the test issuer, as the server names it. */
    private static String user(String subject) {
        return issuer() + "#" + subject;
    }

    private static NewMemory memory(String text, String entity) {
        return new NewMemory(text, MemoryType.PROJECT_CONTEXT, Scope.GLOBAL, entity, null, null, null, null, null,
                null, null);
    }
}
