package dev.minmemory.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.NewMemory;
import dev.minmemory.server.memory.Scope;
import io.quarkiverse.mcp.server.PromptResponse;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.test.McpAssured.PromptArgument;
import io.quarkus.test.junit.QuarkusTest;

/** The prompts clients offer as slash commands, and their completions (local mode, embedded store). */
@QuarkusTest
class PromptsOverMcpTest extends OverMcpTest {

    @Inject
    MemoryService memories;

    @Test
    void recallAndRememberAreListedWithOptionalArguments() {
        client.when().promptsList(page -> {
            assertThat(page.findByName("recall").arguments()).extracting(PromptArgument::name)
                    .containsExactly("project", "topic");
            assertThat(page.findByName("remember").arguments()).extracting(PromptArgument::name)
                    .containsExactly("project");
            assertThat(page.prompts()).flatExtracting(prompt -> prompt.arguments())
                    .noneMatch(PromptArgument::required);
        }).thenAssertResults();
    }

    @Test
    void recallPutsTheProjectsMemoriesIntoTheConversation() {
        String project = "prompts-" + System.nanoTime();
        store(CallerIdentity.LOCAL_USER, "Payments are retried three times with exponential backoff", project,
                "payments");

        String text = prompt("recall", Map.of("project", project, "topic", "payment retries"));

        assertThat(text).contains("payment retries", project, "Payments are retried three times", "memory://");
    }

    @Test
    void recallWithNothingKnownSaysSoAndSuggestsStoring() {
        String text = prompt("recall", Map.of("project", "empty-" + System.nanoTime(), "topic", "anything"));

        assertThat(text).contains("nothing yet", "store_memory");
    }

    @Test
    void rememberAsksForStoringWithScopesAndRecordingChangesWithSupersedes() {
        String text = prompt("remember", Map.of("project", "shop"));

        assertThat(text).contains("store_memory", "search_entities", "supersedes", "obsolete", "\"shop\"");
    }

    @Test
    void topicsCompleteFromTheCallersOwnEntitiesOnly() {
        String stem = "zebra" + System.nanoTime();
        store(CallerIdentity.LOCAL_USER, "Zebra builds run on the big runner", "completion", stem + "-builds");
        store("someone-else", "Their zebra cluster is private", "completion", stem + "-cluster");

        client.when().promptComplete("recall", "topic", stem, completion -> assertThat(completion.values())
                .containsExactly(stem + "-builds")).thenAssertResults();
    }

    @Test
    void projectsCompleteFromTheCallersOwnProjectsOnly() {
        String stem = "okapi" + System.nanoTime();
        store(CallerIdentity.LOCAL_USER, "Okapi sync runs hourly", stem + "-sync", "sync");
        store("someone-else", "Their okapi project is private", stem + "-private", "sync");

        client.when()
                .promptComplete("recall", "project", stem, completion -> assertThat(completion.values())
                        .containsExactly(stem + "-sync"))
                .promptComplete("remember", "project", stem, completion -> assertThat(completion.values())
                        .containsExactly(stem + "-sync"))
                .thenAssertResults();
    }

    private void store(String user, String text, String project, String entity) {
        memories.store(user, new NewMemory(text, MemoryType.PROJECT_CONTEXT, Scope.PROJECT, entity, project, null,
                List.of(), Map.of(), List.of(), null, null));
    }

    private String prompt(String name, Map<String, String> arguments) {
        PromptResponse[] response = new PromptResponse[1];
        client.when().promptsGet(name, arguments, r -> response[0] = r).thenAssertResults();
        return ((TextContent) response[0].firstMessage().content()).text();
    }
}
