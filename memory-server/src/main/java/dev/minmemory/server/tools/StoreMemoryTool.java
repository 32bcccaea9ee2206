package dev.minmemory.server.tools;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryBounds;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.NewMemory;
import dev.minmemory.server.memory.RelationType;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.StoreResult;
import dev.minmemory.server.memory.WireEnum;
import dev.minmemory.server.tools.schema.ArgumentSchemaGuardrail;
import dev.minmemory.server.tools.schema.OneOf;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

@ToolErrors
public class StoreMemoryTool {

    private final MemoryService memories;
    private final CallerIdentity caller;

    public StoreMemoryTool(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    // The tool's declaration is laid out by hand: one argument per line, as its schema reads.
    // @formatter:off
    @Tool(name = "store_memory", title = "Store a memory", structuredContent = true,
            description = """
                    Save one fact, preference, decision or event to long-term memory so it can be recalled in later \
                    sessions. Store one self-contained statement per call, written so it makes sense without this \
                    conversation. Choose the scope: 'global' for things true everywhere (the user's identity and \
                    preferences), 'project' for one project (needs project), 'task' for one task in a project (needs \
                    project and task_id). If a memory of the same scope already makes the same statement (the same \
                    words in the same order, give or take case, punctuation and articles), nothing new is stored and \
                    its id comes back with duplicate=true (the links you pass are added to it); a correction (other order, number, name, date, a \
                    negation) is stored. Returns the memory id and, as candidates, similar memories of the same scope \
                    and entity that the new one may refine, contradict or supersede: link them with link_memories \
                    (relation supersedes hides the old one from retrieve_context).""",
            annotations = @Tool.Annotations(title = "Store a memory", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false))
    @ToolGuardrails(input = ArgumentSchemaGuardrail.class)
    StoreMemoryResult storeMemory(
            @ToolArg(description = "The memory itself: one self-contained statement.") @Size(min = 1, max = MemoryBounds.TEXT_CHARACTERS) String text,
            @ToolArg(name = "memory_type", description = "core_identity: who the user is and how they like to work; "
                    + "project_context: facts and decisions about a project; task_instruction: how to do a specific "
                    + "task; episodic: something that happened.") @OneOf(MemoryType.class) String memoryType,
            @ToolArg(description = "global, project (needs project) or task (needs project and task_id).")
            @OneOf(Scope.class) String scope,
            @ToolArg(description = "The main thing the memory is about, e.g. 'user', 'postgres', 'auth-service'. Reuse "
                    + "existing names (see list_entities / search_entities).") @Size(min = 1, max = 200) String entity,
            @ToolArg(description = "Project id; required for scope project and task.", required = false)
            @Size(min = 1, max = 200) String project,
            @ToolArg(name = "task_id", description = "Task id; required for scope task.", required = false)
            @Size(min = 1, max = 200) String taskId,
            @ToolArg(name = "related_to", description = "Ids of existing memories this one relates to.", required = false)
            @Size(max = 50) List<String> relatedTo,
            @ToolArg(name = "relation_types", description = "Relation per related id, e.g. {\"<id>\": \"supersedes\"}.",
                    required = false) Map<String, RelationType> relationTypes,
            @ToolArg(description = "Free-form labels for filtering and keyword search.", required = false)
            @Size(max = MemoryBounds.TAGS) List<String> tags,
            @ToolArg(description = "Lifecycle status, e.g. active, completed, obsolete. Defaults to active.",
                    required = false) @Size(min = 1, max = 50) String status,
            @ToolArg(description = "Priority, e.g. low, medium, high.", required = false) @Size(min = 1, max = 50) String priority) {
        // @formatter:on
        StoreResult result = memories.store(caller.user(),
                new NewMemory(text, WireEnum.parse(MemoryType.class, memoryType),
                        WireEnum.parse(Scope.class, scope), entity, project, taskId, relatedTo, relationTypes, tags,
                        status, priority));
        if (result.duplicate()) {
            return new StoreMemoryResult(result.id(), false, true, result.similarity(),
                    "A memory making the same statement already exists; its id is returned and nothing new was stored.",
                    null);
        }
        List<Candidate> candidates = result.candidates().stream()
                .map(hit -> new Candidate(hit.memory().id(), hit.memory().text(),
                        Math.round(hit.similarity() * 10_000) / 10_000.0))
                .toList();
        return new StoreMemoryResult(result.id(), true, false, null, candidates.isEmpty() ? "Memory stored."
                : "Memory stored. Similar memories of the same entity are listed as candidates: if the new memory"
                        + " replaces one, link it with link_memories (relation supersedes).",
                candidates);
    }

    /** {@code candidates} is present when a memory was stored: similar memories of its scope and entity. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoreMemoryResult(String id, boolean stored, boolean duplicate, Double similarity, String message,
            List<Candidate> candidates) {
    }

    /** A memory similar to the one just stored, with its cosine similarity to it. */
    public record Candidate(String id, String text, double similarity) {
    }
}
