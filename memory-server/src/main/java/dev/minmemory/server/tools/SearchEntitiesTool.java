package dev.minmemory.server.tools;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.WireEnum;
import dev.minmemory.server.tools.schema.ArgumentSchemaGuardrail;
import dev.minmemory.server.tools.schema.OneOf;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

@ToolErrors
public class SearchEntitiesTool {

    private final MemoryService memories;
    private final CallerIdentity caller;

    public SearchEntitiesTool(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    // The tool's declaration is laid out by hand: one argument per line, as its schema reads.
    // @formatter:off
    @Tool(name = "search_entities", title = "Find entity names", structuredContent = true,
            description = """
                    Find existing entity names similar to a name, ignoring case, punctuation and abbreviations \
                    ('k8s' finds 'Kubernetes' and 'kubernetes-operator'). Call it before store_memory to reuse an \
                    existing entity name instead of creating a variant. Returns matches with a score (1 = same name).""",
            annotations = @Tool.Annotations(title = "Find entity names", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(input = ArgumentSchemaGuardrail.class)
    EntityMatches searchEntities(
            @ToolArg(description = "The entity name to look for.") @Size(min = 1, max = 200) String query,
            @ToolArg(description = "Only entities used in this scope.", required = false) @OneOf(Scope.class) String scope,
            @ToolArg(description = "Maximum number of matches.", defaultValue = "5") @Min(1) @Max(50) int limit) {
        // @formatter:on
        return new EntityMatches(memories.searchEntities(caller.user(), query,
                WireEnum.parse(Scope.class, scope), limit).stream()
                .map(match -> new EntityMatchView(match.usage().entity(), Math.round(match.score() * 1000) / 1000.0,
                        match.usage().count(), match.usage().lastUpdated()))
                .toList());
    }

    public record EntityMatches(List<EntityMatchView> matches) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EntityMatchView(String entity, double score, long count, Instant lastUpdated) {
    }
}
