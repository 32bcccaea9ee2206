package dev.minmemory.server.tools;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.CreatedTime;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.RetrieveRequest;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.WireEnum;
import dev.minmemory.server.tools.schema.ArgumentSchemaGuardrail;
import dev.minmemory.server.tools.schema.OneOf;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

@ToolErrors
public class RetrieveContextTool {

    private final MemoryService memories;
    private final CallerIdentity caller;

    public RetrieveContextTool(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    // The tool's declaration is laid out by hand: one argument per line, as its schema reads.
    // @formatter:off
    @Tool(name = "retrieve_context", title = "Retrieve relevant memories", structuredContent = true,
            description = """
                    Find the memories most relevant to a question or situation, by meaning and by exact words \
                    (names, ids, error codes). Call it at the start of a task and whenever earlier knowledge may help. \
                    Hierarchical: with project and task_id it searches that task, the project and global memories; \
                    with project only, the project and global memories; with neither, everything. An explicit scope \
                    restricts the search to that level. Memories that a newer one supersedes are left out unless \
                    include_superseded is true (then they show superseded_by). created_after / created_before limit \
                    the search to a time span, e.g. what was decided last week. Returns the best memories first with \
                    a score (0..1) and, unless include_related is false, the memories linked to each.""",
            annotations = @Tool.Annotations(title = "Retrieve relevant memories", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(input = ArgumentSchemaGuardrail.class)
    RetrieveContextResult retrieveContext(
            @ToolArg(description = "What you want to know, in natural language or exact terms.") @Size(min = 1, max = 2_000) String query,
            @ToolArg(description = "Only this level: global, project or task.", required = false) @OneOf(Scope.class) String scope,
            @ToolArg(name = "memory_type", description = "Only these memory types.", required = false) List<MemoryType> memoryType,
            @ToolArg(description = "Project id: searches this project plus global memories.", required = false)
            @Size(min = 1, max = 200) String project,
            @ToolArg(name = "task_id", description = "Task id (with project): adds this task's memories.", required = false)
            @Size(min = 1, max = 200) String taskId,
            @ToolArg(description = "Only memories with this status, e.g. active.", required = false) @Size(min = 1, max = 50) String status,
            @ToolArg(name = "include_related", description = "Inline the live memories linked to each hit.",
                    defaultValue = "true") boolean includeRelated,
            @ToolArg(description = "Maximum number of memories to return.", defaultValue = "10") @Min(1) @Max(100) int limit,
            @ToolArg(name = "score_threshold", description = "Leave out memories whose cosine similarity to the query is "
                    + "below this. bge similarities are compressed: unrelated text often scores 0.3-0.5.",
                    defaultValue = "0") @DecimalMin("0") @DecimalMax("1") double scoreThreshold,
            @ToolArg(name = "recency_weight", description = "0..1: how much newer memories are favoured "
                    + "(30-day half-life). 0 ranks by relevance only.", defaultValue = "0")
            @DecimalMin("0") @DecimalMax("1") double recencyWeight,
            @ToolArg(name = "include_superseded", description = "Also return memories that a newer memory supersedes "
                    + "(they carry superseded_by).", defaultValue = "false") boolean includeSuperseded,
            @ToolArg(name = "created_after", description = "Only memories created at or after this ISO-8601 instant "
                    + "(2026-11-25T14:30:00Z) or date (2026-11-25, midnight UTC).", required = false)
            @Size(min = 1, max = 40) String createdAfter,
            @ToolArg(name = "created_before", description = "Only memories created before this ISO-8601 instant or "
                    + "date (midnight UTC).", required = false) @Size(min = 1, max = 40) String createdBefore) {
        // @formatter:on
        var hits = memories.retrieve(caller.user(), new RetrieveRequest(query,
                WireEnum.parse(Scope.class, scope),
                memoryType == null ? Set.of() : new HashSet<>(memoryType), project, taskId, status,
                includeRelated, limit, scoreThreshold, recencyWeight, includeSuperseded,
                CreatedTime.parse("created_after", createdAfter), CreatedTime.parse("created_before", createdBefore)));
        return new RetrieveContextResult(hits.stream().map(RetrievedMemoryView::of).toList(), hits.size());
    }

    public record RetrieveContextResult(List<RetrievedMemoryView> memories, int count) {
    }
}
