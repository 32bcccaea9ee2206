package dev.minmemory.server.console;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.memory.OwnMemoriesExport;

/** The caller's own live memories as a download in the export format, which {@code import} reads. */
@Path("/console/api/export")
public class ExportResource {

    private static final String NDJSON = "application/x-ndjson";

    private final OwnMemoriesExport export;
    private final CallerIdentity caller;

    public ExportResource(OwnMemoriesExport export, CallerIdentity caller) {
        this.export = export;
        this.caller = caller;
    }

    @GET
    public Response download() {
        String user = caller.user();
        StreamingOutput lines = out -> export.writeTo(user,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        return Response.ok(lines, NDJSON)
                .header("Content-Disposition", "attachment; filename=\"min-memory-export.jsonl\"")
                .build();
    }
}
