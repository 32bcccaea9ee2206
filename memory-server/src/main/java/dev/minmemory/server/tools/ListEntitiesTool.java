package dev.minmemory.server.tools;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.EntityPage;
import dev.minmemory.server.memory.EntityUsage;
import dev.minmemory.server.memory.MemoryFilter;
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
public class ListEntitiesTool {

    private final MemoryService memories;
    private final CallerIdentity caller;

    public ListEntitiesTool(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    // The tool's declaration is laid out by hand: one argument per line, as its schema reads.
    // @formatter:off
    @Tool(name = "list_entities", title = "List entities", structuredContent = true,
            description = """
                    Browse the entities (the things memories are about) with how many memories each has, when it \
                    first appeared and when it last changed, in name order. Filter by scope, project or memory type. \
                    Paginated: when next_cursor is present, call again with cursor=next_cursor for the next page.""",
            annotations = @Tool.Annotations(title = "List entities", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(input = ArgumentSchemaGuardrail.class)
    EntityList listEntities(
            @ToolArg(description = "Only memories of this scope.", required = false) @OneOf(Scope.class) String scope,
            @ToolArg(description = "Only memories of this project.", required = false) @Size(min = 1, max = 200) String project,
            @ToolArg(name = "memory_type", description = "Only memories of this type.", required = false)
            @OneOf(MemoryType.class) String memoryType,
            @ToolArg(description = "next_cursor from the previous page.", required = false) @Size(min = 1, max = 1_000) String cursor,
            @ToolArg(description = "Entities per page.", defaultValue = "50") @Min(1) @Max(500) int limit) {
        // @formatter:on
        EntityPage page = memories.entities(caller.user(),
                MemoryFilter.forListing(WireEnum.parse(Scope.class, scope), project,
                        WireEnum.parse(MemoryType.class, memoryType)),
                cursor, limit);
        return new EntityList(page.entities(), page.nextCursor(), page.totalEntities());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntityList(List<EntityUsage> entities, String nextCursor, int totalEntities) {
    }
}
