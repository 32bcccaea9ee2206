package dev.minmemory.server.tools;

import java.util.List;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.tools.schema.ArgumentSchemaGuardrail;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

@ToolErrors
public class SearchTool {

    private static final int RESULTS = 10;

    private final MemoryService memories;
    private final CallerIdentity caller;

    public SearchTool(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    // The tool's declaration is laid out by hand: one argument per line, as its schema reads.
    // @formatter:off
    @Tool(name = "search", title = "Search memories", structuredContent = true,
            description = """
                    Quick search over all of your memories, for connector-style clients (such as ChatGPT) that \
                    search first and then fetch. Returns up to 10 results as {id, title, url}, plus superseded_by on \
                    a memory that a newer one supersedes; call fetch with an id for the full memory. For filtered or hierarchical recall use retrieve_context.""",
            annotations = @Tool.Annotations(title = "Search memories", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(input = ArgumentSchemaGuardrail.class)
    SearchResults search(
            @ToolArg(description = "What to look for, in natural language or exact terms.") @Size(min = 1, max = 2_000) String query) {
        // @formatter:on
        return new SearchResults(memories.search(caller.user(), query, RESULTS).stream()
                .map(hit -> new SearchResult(hit.memory().id(), MemoryView.title(hit.memory()),
                        MemoryView.url(hit.memory()), hit.memory().supersededBy()))
                .toList());
    }

    public record SearchResults(List<SearchResult> results) {
    }

    /** {@code superseded_by}, only on a memory that another one supersedes: the newest that does. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SearchResult(String id, String title, String url, String supersededBy) {
    }
}
