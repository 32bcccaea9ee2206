package dev.minmemory.server.tools;

import java.util.Optional;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.RelationType;
import dev.minmemory.server.memory.WireEnum;
import dev.minmemory.server.tools.schema.ArgumentSchemaGuardrail;
import dev.minmemory.server.tools.schema.OneOf;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

@ToolErrors
public class LinkMemoriesTool {

    private final MemoryService memories;
    private final CallerIdentity caller;

    public LinkMemoriesTool(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    // The tool's declaration is laid out by hand: one argument per line, as its schema reads.
    // @formatter:off
    @Tool(name = "link_memories", title = "Link two memories", structuredContent = true,
            description = """
                    Record a typed relation from one memory to another: memory_id <relation_type> related_id, e.g. \
                    a new decision 'supersedes' an old one, or an example 'example_of' a rule. Both memories must \
                    exist. The link shows from both ends (retrieve_context and fetch list it as outgoing on memory_id \
                    and incoming on related_id). Linking again with another type replaces the type. A memory that \
                    another one supersedes is left out of retrieve_context (unless include_superseded) and shows \
                    superseded_by; deleting the superseding memory brings it back.""",
            annotations = @Tool.Annotations(title = "Link two memories", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(input = ArgumentSchemaGuardrail.class)
    LinkResult linkMemories(
            @ToolArg(name = "memory_id", description = "The memory the relation starts from.") @Size(min = 1, max = 100) String memoryId,
            @ToolArg(name = "related_id", description = "The memory it relates to.") @Size(min = 1, max = 100) String relatedId,
            @ToolArg(name = "relation_type", description = "How memory_id relates to related_id.")
            @OneOf(RelationType.class) String relationType) {
        // @formatter:on
        RelationType type = WireEnum.parse(RelationType.class, relationType);
        Optional<RelationType> previous = memories.link(caller.user(), memoryId, relatedId, type);
        String message = previous.isEmpty() ? "Linked."
                : previous.get() == type ? "These memories were already linked this way; nothing changed."
                : "Relation changed from " + previous.get().wireName() + " to " + type.wireName() + ".";
        return new LinkResult(memoryId, relatedId, type, previous.orElse(null), message);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LinkResult(String memoryId, String relatedId, RelationType relationType,
            RelationType previousRelationType, String message) {
    }
}
