package dev.minmemory.server.tools;

import java.time.Instant;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.minmemory.server.auth.CallerIdentity;
import dev.minmemory.server.http.JsonRpcEnvelopeGuard;
import dev.minmemory.server.http.JsonRpcRefusal;
import dev.minmemory.server.http.McpRouteOrder;
import dev.minmemory.server.memory.BrowseRequest;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryPage;
import dev.minmemory.server.memory.MemoryRequestException;
import dev.minmemory.server.memory.MemoryService;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkiverse.mcp.server.runtime.McpConnectionBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code resources/list} with the caller's most recent live memories, newest first, as {@code memory://<id>}
 * resources that {@link MemoryResource} reads, {@value #PAGE_SIZE} a page; {@code nextCursor} is the listing's own
 * cursor.
 * <p>
 * Answered here rather than by the MCP library, which lists only resources registered in one process-wide registry
 * (every user's memories held in the heap, and a {@code list_changed} to every user on every write). It runs after the
 * access, session, envelope and in-flight steps, so the request is well-formed, its caller known and holding
 * {@code mcp:read}. Only a single request in an initialized session is answered; anything else, a {@code resources/list}
 * inside a batch (protocol 2025-03-26) included, goes on to the library, which lists no resources.
 */
@Singleton
public class RecentMemoriesList {

    static final int PAGE_SIZE = 50;
    private static final String METHOD = "resources/list";

    private final MemoryService memories;
    private final ConnectionManager connections;

    public RecentMemoriesList(MemoryService memories, ConnectionManager connections) {
        this.memories = memories;
        this.connections = connections;
    }

    void register(@Observes Router router) {
        router.route("/mcp*").order(McpRouteOrder.RESOURCE_LIST).handler(this::answer);
    }

    private void answer(RoutingContext context) {
        JsonObject request = listRequest(context);
        if (request == null) {
            context.next();
            return;
        }
        Object id = request.getValue("id");
        String cursor = request.getJsonObject("params", new JsonObject()).getString("cursor");
        String user = CallerIdentity.userOf(context);
        context.vertx().executeBlocking(() -> memories.browse(user,
                new BrowseRequest(null, null, null, null, null, null, cursor, PAGE_SIZE)), false)
                .onSuccess(page -> context.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result(page))
                                .toBuffer()))
                .onFailure(failure -> {
                    if (failure instanceof MemoryRequestException) {
                        new JsonRpcRefusal(200, JsonRpcRefusal.INVALID_PARAMS, "Invalid params for " + METHOD
                                + ": params.cursor is not a nextCursor this server gave out; leave it out to start"
                                + " from the first page.", id).send(context);
                    } else {
                        context.fail(failure);
                    }
                });
    }

    /** The request when this step answers it: one resources/list request in an initialized session. */
    private JsonObject listRequest(RoutingContext context) {
        JsonObject message = context.get(JsonRpcEnvelopeGuard.SINGLE_MESSAGE);
        if (message == null || !METHOD.equals(message.getValue("method")) || !message.containsKey("id")) {
            return null;
        }
        String session = context.request().getHeader("Mcp-Session-Id");
        McpConnectionBase connection = session == null ? null : connections.get(session);
        return connection != null && connection.status() == McpConnection.Status.IN_OPERATION ? message : null;
    }

    private static JsonObject result(MemoryPage page) {
        JsonArray resources = new JsonArray();
        for (Memory memory : page.memories()) {
            String title = MemoryView.title(memory);
            Instant modified = memory.updatedAt() != null ? memory.updatedAt() : memory.createdAt();
            resources.add(new JsonObject().put("uri", MemoryView.url(memory)).put("name", title).put("title", title)
                    .put("mimeType", MemoryResource.MIME_TYPE)
                    .put("annotations", new JsonObject().put("lastModified", modified.toString())));
        }
        JsonObject result = new JsonObject().put("resources", resources);
        return page.nextCursor() == null ? result : result.put("nextCursor", page.nextCursor());
    }
}
