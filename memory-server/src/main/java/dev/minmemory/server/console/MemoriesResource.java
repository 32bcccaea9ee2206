package dev.minmemory.server.console;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.BrowseRequest;
import dev.minmemory.server.memory.MemoryChanges;
import dev.minmemory.server.memory.MemoryPage;
import dev.minmemory.server.memory.MemoryRequestException;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.RelationType;
import dev.minmemory.server.memory.RetrievedMemory;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.WireEnum;
import dev.minmemory.server.tools.MemoryView;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;

/**
 * The caller's memories: a page of them, one with its links, and the changes the tools make (update, link, delete),
 * each through {@link MemoryService} with the caller's user, as the tools call it.
 */
@Path("/console/api/memories")
@Produces(MediaType.APPLICATION_JSON)
public class MemoriesResource {

    private static final int DEFAULT_PAGE = 20;

    private final MemoryService memories;
    private final CallerIdentity caller;

    public MemoriesResource(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    @GET
    public Page browse(@QueryParam("scope") String scope, @QueryParam("project") String project,
            @QueryParam("task_id") String taskId, @QueryParam("memory_type") String memoryType,
            @QueryParam("entity") String entity, @QueryParam("tag") String tag, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        MemoryPage page = memories.browse(caller.user(), new BrowseRequest(
                WireEnum.parse(Scope.class, QueryParameters.given(scope)), QueryParameters.given(project),
                QueryParameters.given(taskId), WireEnum.parse(MemoryType.class, QueryParameters.given(memoryType)),
                QueryParameters.given(entity), QueryParameters.given(tag), QueryParameters.given(cursor),
                QueryParameters.limit(limit, DEFAULT_PAGE)));
        return new Page(page.memories().stream().map(MemoryView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    public MemoryWithLinks memory(@PathParam("id") String id) {
        RetrievedMemory found = memories.fetch(caller.user(), id);
        return new MemoryWithLinks(MemoryView.of(found.memory()), found.related().stream()
                .map(link -> new Link(link.memory().id(), link.relation(), link.outgoing() ? "outgoing" : "incoming",
                        link.memory().text()))
                .toList());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictBodies.class)
    public Changed update(@PathParam("id") String id, Patch patch) {
        MemoryChanges changes = new MemoryChanges(patch.text(), WireEnum.parse(MemoryType.class, patch.memoryType()),
                null, null, null, null, patch.tags(), null, null);
        return new Changed(MemoryView.of(memories.update(caller.user(), id, changes)));
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id) {
        memories.delete(caller.user(), id);
    }

    @POST
    @Path("{id}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictBodies.class)
    public Changed link(@PathParam("id") String id, NewLink link) {
        if (link.relatedId() == null || link.relationType() == null) {
            throw new MemoryRequestException("related_id and relation_type are required.");
        }
        String user = caller.user();
        memories.link(user, id, link.relatedId(), WireEnum.parse(RelationType.class, link.relationType()));
        return new Changed(MemoryView.of(memories.fetch(user, id).memory()));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page(List<MemoryView> memories, String nextCursor) {
    }

    public record MemoryWithLinks(MemoryView memory, List<Link> links) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Link(String id, RelationType relationType, String direction, String text) {
    }

    public record Changed(MemoryView memory) {
    }

    /** What an update may change from the console: null leaves a field as it is. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Patch(String text, String memoryType, List<String> tags) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewLink(String relatedId, String relationType) {
    }
}
