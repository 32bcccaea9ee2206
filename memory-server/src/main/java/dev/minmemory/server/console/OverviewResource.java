package dev.minmemory.server.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.MemoryOverview;
import dev.minmemory.server.memory.MemoryService;

/** Counts of the caller's live memories per project, type, entity and day. */
@Path("/console/api/overview")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    private final MemoryService memories;
    private final CallerIdentity caller;

    public OverviewResource(MemoryService memories, CallerIdentity caller) {
        this.memories = memories;
        this.caller = caller;
    }

    @GET
    public MemoryOverview overview() {
        return memories.overview(caller.user());
    }
}
