package dev.minmemory.server.tools;

import java.util.List;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryBounds;
import dev.minmemory.server.memory.MemoryChanges;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.WireEnum;
import dev.minmemory.server.tools.schema.ArgumentSchemaGuardrail;
import dev.minmemory.server.tools.schema.OneOf;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

@ToolErrors
public class UpdateMemoryTool {

    private final MemoryService memories;
    private final CallerIdentity caller;

    public UpdateMemoryTool(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    // The tool's declaration is laid out by hand: one argument per line, as its schema reads.
    // @formatter:off
    @Tool(name = "update_memory", title = "Update a memory", structuredContent = true,
            description = """
                    Correct or refine an existing memory in place: pass its id and only the fields to change. A new \
                    text is re-embedded so searches find the memory by its new meaning. Links, id and creation time \
                    stay. Returns the updated memory.""",
            annotations = @Tool.Annotations(title = "Update a memory", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(input = ArgumentSchemaGuardrail.class)
    UpdateResult updateMemory(
            @ToolArg(name = "memory_id", description = "The id of the memory to change.") @Size(min = 1, max = 100) String memoryId,
            @ToolArg(description = "New text.", required = false) @Size(min = 1, max = MemoryBounds.TEXT_CHARACTERS) String text,
            @ToolArg(name = "memory_type", description = "New memory type.", required = false) @OneOf(MemoryType.class) String memoryType,
            @ToolArg(description = "New scope (project needs a project, task also a task_id).", required = false)
            @OneOf(Scope.class) String scope,
            @ToolArg(description = "New entity.", required = false) @Size(min = 1, max = 200) String entity,
            @ToolArg(description = "New project id.", required = false) @Size(min = 1, max = 200) String project,
            @ToolArg(name = "task_id", description = "New task id.", required = false) @Size(min = 1, max = 200) String taskId,
            @ToolArg(description = "New tags (replace the old ones).", required = false) @Size(max = MemoryBounds.TAGS) List<String> tags,
            @ToolArg(description = "New status, e.g. completed or obsolete.", required = false) @Size(min = 1, max = 50) String status,
            @ToolArg(description = "New priority.", required = false) @Size(min = 1, max = 50) String priority) {
        // @formatter:on
        MemoryChanges changes = new MemoryChanges(text,
                WireEnum.parse(MemoryType.class, memoryType),
                WireEnum.parse(Scope.class, scope), entity, project, taskId, tags, status,
                priority);
        return new UpdateResult(MemoryView.of(memories.update(caller.user(), memoryId, changes)), text != null,
                "Memory updated.");
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateResult(MemoryView memory, boolean reEmbedded, String message) {
    }
}
