package dev.minmemory.server.tools;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryRequestException;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.RetrieveRequest;
import dev.minmemory.server.memory.RetrievedMemory;
import io.quarkiverse.mcp.server.CompleteArg;
import io.quarkiverse.mcp.server.CompletePrompt;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.Prompt;
import io.quarkiverse.mcp.server.PromptArg;
import io.quarkiverse.mcp.server.PromptMessage;

/**
 * Prompts a user picks (clients show them as slash commands): {@code recall} puts what the memory holds about a
 * project or topic into the conversation, {@code remember} asks the assistant to save the session's durable facts.
 */
public class MemoryPrompts {

    static final int RECALLED = 15;
    /** The most values a completion may return. */
    static final int COMPLETIONS = 100;

    private final MemoryService memories;
    private final CallerIdentity caller;

    public MemoryPrompts(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    @Prompt(name = "recall", title = "Recall what is known", description = """
            Puts what your memory holds about a project or a topic into the conversation: the most relevant \
            memories, global ones (about you) included.""")
    PromptMessage recall(
            @PromptArg(description = "The project id, as get_context_info returns it.",
                    required = false) String project,
            @PromptArg(description = "What to recall: a few words or an entity name.", required = false) String topic) {
        String theProject = blankToNull(project);
        String theTopic = blankToNull(topic);
        String query = theTopic != null ? theTopic
                : theProject != null ? "the project's purpose, architecture, decisions and conventions"
                : "who the user is, their preferences and how they work";
        List<RetrievedMemory> found;
        try {
            found = memories.retrieve(caller.user(),
                    new RetrieveRequest(query, null, Set.of(), theProject, null, null, false, RECALLED, 0, 0, false,
                            null,
                            null));
        } catch (MemoryRequestException e) {
            throw new McpException(e.getMessage(), JsonRpcErrorCodes.INVALID_PARAMS);
        }
        String subject = subject(theProject, theTopic);
        if (found.isEmpty()) {
            return PromptMessage.withUserRole("Your memory holds nothing yet about " + subject + ". As you learn"
                    + " durable facts in this session, save them with store_memory.");
        }
        return PromptMessage.withUserRole("Here is what your memory holds about " + subject + ", most relevant"
                + " first:\n\n" + found.stream().map(hit -> "- " + line(hit.memory())).collect(Collectors.joining("\n"))
                + "\n\nTake these into account for the rest of this session. Call retrieve_context for more, and"
                + " fetch a memory:// id for its linked memories.");
    }

    @Prompt(name = "remember", title = "Save this session's important facts", description = """
            Asks the assistant to review this session and store its durable facts in memory, linking a changed \
            fact to the one it replaces.""")
    PromptMessage remember(
            @PromptArg(description = "The project id the session was about, as get_context_info returns it.",
                    required = false) String project) {
        String theProject = blankToNull(project);
        String where = theProject == null ? "" : " with project \"" + theProject + "\" where the scope needs one";
        return PromptMessage.withUserRole("""
                Review this session and save what a later session should know, with the memory tools:
                1. List the durable facts it brought: who I am and how I like to work (core_identity, scope global); \
                decisions, conventions, architecture and gotchas of the project (project_context, scope project); \
                how a task is done (task_instruction, scope task or project); what happened, with its date (episodic).
                2. For each fact, call search_entities to reuse an existing entity name, then store_memory with one \
                self-contained statement%s.
                3. When a fact replaces an earlier one, store the new fact, call link_memories from it to the old one \
                with supersedes, and set the old one's status to obsolete with update_memory.
                4. Skip secrets, transient details and anything I asked you to forget. A store_memory answer with \
                duplicate: true means the fact is already known.
                Then tell me in one line each what you stored.""".formatted(where));
    }

    @CompletePrompt("recall")
    List<String> completeRecallProject(@CompleteArg(name = "project") String project) {
        return memories.projectNamesStartingWith(caller.user(), project, COMPLETIONS);
    }

    @CompletePrompt("recall")
    List<String> completeTopic(@CompleteArg(name = "topic") String topic) {
        return memories.entityNamesStartingWith(caller.user(), topic, COMPLETIONS);
    }

    @CompletePrompt("remember")
    List<String> completeRememberProject(@CompleteArg(name = "project") String project) {
        return memories.projectNamesStartingWith(caller.user(), project, COMPLETIONS);
    }

    private static String subject(String project, String topic) {
        if (topic != null) {
            return "\"" + topic + "\"" + (project == null ? "" : " in project " + project);
        }
        return project != null ? "project " + project : "you and your work";
    }

    private static String line(Memory m) {
        String place = m.project() == null ? m.scope().wireName() : m.scope().wireName() + " " + m.project();
        return "[" + m.memoryType().wireName() + ", " + place + ", " + m.entity() + "] " + m.text().strip() + " ("
                + MemoryView.url(m) + ")";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
