package dev.minmemory.server.tools;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.tools.schema.ArgumentSchemaGuardrail;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

@ToolErrors
public class DeleteMemoryTool {

    private final MemoryService memories;
    private final CallerIdentity caller;

    public DeleteMemoryTool(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    // The tool's declaration is laid out by hand: one argument per line, as its schema reads.
    // @formatter:off
    @Tool(name = "delete_memory", title = "Delete a memory", structuredContent = true,
            description = """
                    Delete a memory that is wrong or no longer wanted. It disappears from every search, fetch and \
                    listing at once; the server keeps it on disk, marked deleted, for recovery by an operator. \
                    Deleting an already deleted memory succeeds and says so. To correct a memory, prefer \
                    update_memory.""",
            annotations = @Tool.Annotations(title = "Delete a memory", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(input = ArgumentSchemaGuardrail.class)
    DeleteResult deleteMemory(@ToolArg(name = "memory_id", description = "The id of the memory to delete.")
            @Size(min = 1, max = 100) String memoryId) {
        // @formatter:on
        boolean deletedNow = memories.delete(caller.user(), memoryId);
        return new DeleteResult(memoryId, true, !deletedNow,
                deletedNow ? "Memory deleted." : "Memory was already deleted; nothing changed.");
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DeleteResult(String memoryId, boolean deleted, boolean alreadyDeleted, String message) {
    }
}
