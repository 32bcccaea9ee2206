package dev.minmemory.server.tools;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.ProjectSummary;
import dev.minmemory.server.tools.schema.ArgumentSchemaGuardrail;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

@ToolErrors
public class SetProjectTool {

    private final MemoryService memories;
    private final CallerIdentity caller;

    public SetProjectTool(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    // The tool's declaration is laid out by hand: one argument per line, as its schema reads.
    // @formatter:off
    @Tool(name = "set_project", title = "Set the current project", structuredContent = true,
            description = """
                    Check or create a project context before storing or retrieving project memories. If the project \
                    has memories, returns how many of each type and when it last changed; otherwise creates it (with \
                    one seed memory) and says so. Use the project id from get_context_info when you have one.""",
            annotations = @Tool.Annotations(title = "Set the current project", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(input = ArgumentSchemaGuardrail.class)
    SetProjectResult setProject(@ToolArg(description = "The project id, e.g. 'min-memory'.") @Size(min = 1, max = 200) String project) {
        // @formatter:on
        ProjectSummary summary = memories.setProject(caller.user(), project);
        Map<String, Long> counts = new TreeMap<>();
        summary.stats().countsByType().forEach((type, count) -> counts.put(type.wireName(), count));
        return new SetProjectResult(summary.project(), summary.created(), summary.stats().total(), counts,
                summary.stats().lastUpdated(), summary.created()
                        ? "Project created; memories stored with this project id now belong to it."
                        : "Project exists; retrieve_context with this project recalls its memories.");
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SetProjectResult(String project, boolean created, long memoryCount, Map<String, Long> countsByType,
            Instant lastUpdated, String message) {
    }
}
