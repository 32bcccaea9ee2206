package dev.minmemory.server.console;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryService;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.RetrieveRequest;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.WireEnum;
import dev.minmemory.server.tools.MemoryView;

/** The caller's memories by a question: {@code retrieve_context}'s search with its defaults, scores shown. */
@Path("/console/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final int DEFAULT_LIMIT = 10;

    private final MemoryService memories;
    private final CallerIdentity caller;

    public SearchResource(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    @GET
    public Results search(@QueryParam("query") String query, @QueryParam("scope") String scope,
            @QueryParam("project") String project, @QueryParam("task_id") String taskId,
            @QueryParam("memory_type") String memoryType, @QueryParam("limit") String limit) {
        MemoryType type = WireEnum.parse(MemoryType.class, QueryParameters.given(memoryType));
        var hits = memories.retrieve(caller.user(), new RetrieveRequest(query == null ? "" : query,
                WireEnum.parse(Scope.class, QueryParameters.given(scope)), type == null ? Set.of() : Set.of(type),
                QueryParameters.given(project), QueryParameters.given(taskId), null, false,
                QueryParameters.limit(limit, DEFAULT_LIMIT), 0, 0, false, null, null));
        return new Results(hits.stream()
                .map(hit -> new Result(MemoryView.of(hit.memory()), hit.score(), hit.similarity())).toList());
    }

    public record Results(List<Result> results) {
    }

    public record Result(MemoryView memory, double relevance, double similarity) {
    }
}
