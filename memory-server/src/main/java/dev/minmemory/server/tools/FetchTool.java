package dev.minmemory.server.tools;

import java.util.List;

import jakarta.validation.constraints.Size;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.RetrievedMemory;
import dev.minmemory.server.tools.schema.ArgumentSchemaGuardrail;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

@ToolErrors
public class FetchTool {

    private final MemoryService memories;
    private final CallerIdentity caller;

    public FetchTool(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    // The tool's declaration is laid out by hand: one argument per line, as its schema reads.
    // @formatter:off
    @Tool(name = "fetch", title = "Fetch a memory", structuredContent = true,
            description = """
                    Return one memory by id, in the connector shape {id, title, text, url, metadata}. metadata holds \
                    its type, scope, entity, project, task, tags, status, timestamps and linked memories. Use an id \
                    from search or retrieve_context; deleted and unknown ids are an error.""",
            annotations = @Tool.Annotations(title = "Fetch a memory", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(input = ArgumentSchemaGuardrail.class)
    FetchResult fetch(@ToolArg(description = "The memory id.") @Size(min = 1, max = 100) String id) {
        // @formatter:on
        return FetchResult.of(memories.fetch(caller.user(), id));
    }

    public record FetchResult(String id, String title, String text, String url, MemoryView metadata,
            List<RetrievedMemoryView.Related> related) {

        static FetchResult of(RetrievedMemory found) {
            return new FetchResult(found.memory().id(), MemoryView.title(found.memory()), found.memory().text(),
                    MemoryView.url(found.memory()), MemoryView.of(found.memory()),
                    RetrievedMemoryView.of(found).related());
        }
    }
}
