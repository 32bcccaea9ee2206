package dev.minmemory.server.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryRequestException;
import dev.minmemory.server.memory.MemoryService;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;

/**
 * The {@code memory://<id>} addresses that {@code search} and {@code fetch} return, readable as resources. A read is
 * a {@code fetch}: the same owner check (someone else's memory is a missing one, with the same error) and the same
 * JSON.
 */
public class MemoryResource {

    static final String MIME_TYPE = "application/json";

    private final MemoryService memories;
    private final CallerIdentity caller;
    private final ObjectMapper json;

    public MemoryResource(MemoryService memories, CallerIdentity caller, ObjectMapper json) {
        this.memories = memories;
        this.caller = caller;
        this.json = json;
    }

    @ResourceTemplate(name = "memory", title = "A memory", uriTemplate = "memory://{id}", mimeType = MIME_TYPE,
            description = "One of your memories by id, as the fetch tool returns it: {id, title, text, url, metadata,"
                    + " related}. Ids come from search, fetch and retrieve_context.")
    TextResourceContents memory(String id, RequestUri uri) throws JsonProcessingException {
        try {
            FetchTool.FetchResult found = FetchTool.FetchResult.of(memories.fetch(caller.user(), id));
            return new TextResourceContents(uri.value(), json.writeValueAsString(found), MIME_TYPE);
        } catch (MemoryRequestException e) {
            throw new McpException(e.getMessage(), JsonRpcErrorCodes.RESOURCE_NOT_FOUND);
        }
    }
}
