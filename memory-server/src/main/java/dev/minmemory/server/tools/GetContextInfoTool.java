package dev.minmemory.server.tools;

import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.ProjectId;
import dev.minmemory.server.tools.schema.ArgumentSchemaGuardrail;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

@ToolErrors
public class GetContextInfoTool {

    private static final Set<String> DEFAULT_BRANCHES = Set.of("main", "master", "trunk", "develop");

    private final MemoryService memories;
    private final CallerIdentity caller;

    public GetContextInfoTool(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    // The tool's declaration is laid out by hand: one argument per line, as its schema reads.
    // @formatter:off
    @Tool(name = "get_context_info", title = "Identify the current context", structuredContent = true,
            description = """
                    Work out which project (and task) the conversation is about, from what you know of the user's \
                    workspace: pass the working directory, the git remote URL and the branch when you have them (all \
                    optional; the server cannot see the client's machine). Returns the caller, a stable project id \
                    derived from the remote (else the directory name), whether memories for it exist, and a task id \
                    suggested by a feature branch. Call it at the start of a session, then set_project.""",
            annotations = @Tool.Annotations(title = "Identify the current context", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(input = ArgumentSchemaGuardrail.class)
    ContextInfo getContextInfo(
            @ToolArg(description = "The client's working directory.", required = false) @Size(max = 4_096) String cwd,
            @ToolArg(name = "git_remote", description = "URL of the git remote, e.g. git@github.com:org/repo.git.",
                    required = false) @Size(max = 2_048) String gitRemote,
            @ToolArg(description = "The current git branch.", required = false) @Size(max = 255) String branch) {
        // @formatter:on
        Optional<ProjectId> project = ProjectId.fromHints(gitRemote, cwd);
        boolean exists = project.map(p -> memories.projectStats(caller.user(), p.id()).total() > 0).orElse(false);
        String suggestedTask = branch == null || branch.isBlank() || DEFAULT_BRANCHES.contains(branch.strip()) ? null
                : branch.strip();
        return new ContextInfo(caller.user(), project.map(ProjectId::id).orElse(null),
                project.map(ProjectId::source).orElse(null), exists, suggestedTask,
                project.isEmpty() ? "No project could be derived: pass git_remote or cwd."
                        : exists ? "Known project: call retrieve_context with this project."
                        : "New project: call set_project to create it.");
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContextInfo(String user, String project, String projectSource, boolean projectExists,
            String suggestedTaskId, String message) {
    }
}
