package dev.minmemory.server.http;

import static dev.minmemory.server.http.JsonRpcRefusal.INVALID_REQUEST;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.mcp.server.InitialRequest;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkiverse.mcp.server.runtime.McpConnectionBase;
import io.quarkiverse.mcp.server.runtime.McpMessageHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets only well-formed JSON-RPC reach the MCP layer, and answers everything else with 400 and a JSON-RPC error
 * (-32700 for a body that is not JSON, -32600 for one that is not a request, -32602 for params a method cannot use):
 * <ul>
 * <li>an {@code MCP-Protocol-Version} header must name a version this server speaks;</li>
 * <li>the body is one message object; a batch (an array) only in a session of protocol 2025-03-26, the one version
 * that has them, with at most {@code memory.http.limits.max-batch-size} messages, never nested or empty, never
 * opening a session;</li>
 * <li>each message passes {@link McpMessageRules}; requests without an id are dropped unanswered (202).</li>
 * </ul>
 * The checked (and normalised) body replaces the original, and the number of requests in it is left for
 * {@code auth.InFlightLimit}.
 */
@Singleton
public class JsonRpcEnvelopeGuard {

    /** Context key: how many requests (messages that want an answer) the body holds. */
    public static final String REQUESTS = JsonRpcEnvelopeGuard.class.getName() + ".requests";
    /** The checked message of a body that is one message (not a batch), for later steps not to parse it again. */
    public static final String SINGLE_MESSAGE = JsonRpcEnvelopeGuard.class.getName() + ".message";

    private static final Logger LOG = Logger.getLogger(JsonRpcEnvelopeGuard.class);
    private static final List<String> SUPPORTED = McpMessageHandler.SUPPORTED_PROTOCOL_VERSIONS;
    /** The first version without JSON-RPC batching; versions are dates, so they compare as strings. */
    private static final String FIRST_WITHOUT_BATCHES = "2025-06-18";
    /** What the transport spec says to assume when a client sends no version header. */
    private static final String ASSUMED_VERSION = "2025-03-26";

    private final McpMessageRules rules;
    private final ConnectionManager connections;
    private final int maxBatchSize;

    public JsonRpcEnvelopeGuard(McpMessageRules rules, ConnectionManager connections, HttpConfig config) {
        this.rules = rules;
        this.connections = connections;
        this.maxBatchSize = config.limits().maxBatchSize();
    }

    void register(@Observes Router router) {
        router.route("/mcp*").order(McpRouteOrder.ENVELOPE).handler(this::check);
    }

    private void check(RoutingContext context) {
        try {
            String version = context.request().getHeader("MCP-Protocol-Version");
            if (version != null && !SUPPORTED.contains(version)) {
                throw new JsonRpcRefusal(400, INVALID_REQUEST, "Unsupported MCP-Protocol-Version '"
                        + ClientText.truncated(version) + "': this server speaks " + String.join(", ", SUPPORTED)
                        + ".");
            }
            if (context.request().method() != HttpMethod.POST) {
                context.next();
                return;
            }
            requireAccept(context);
            Object body = parse(context.body().buffer());
            JsonArray passed = new JsonArray();
            boolean batch = body instanceof JsonArray;
            for (JsonObject message : messages(context, body, version)) {
                rules.check(message).ifPresentOrElse(passed::add, () -> LOG.debugf(
                        "Dropped a request without an id (method %s)",
                        ClientText.truncated(message.getString("method"))));
            }
            if (passed.isEmpty()) {
                context.response().setStatusCode(202).end();
                return;
            }
            context.setBody(batch ? passed.toBuffer() : passed.getJsonObject(0).toBuffer());
            context.put(REQUESTS, (int) passed.stream().filter(m -> McpMessageRules.isRequest((JsonObject) m)).count());
            if (!batch) {
                context.put(SINGLE_MESSAGE, passed.getJsonObject(0));
            }
            context.next();
        } catch (JsonRpcRefusal refusal) {
            LOG.debugf("Refused an MCP request: %s", refusal.getMessage());
            refusal.send(context);
        }
    }

    private static void requireAccept(RoutingContext context) {
        String accept = String.join(",", context.request().headers().getAll("Accept"));
        if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
            throw new JsonRpcRefusal(400, INVALID_REQUEST,
                    "The Accept header must list both application/json and text/event-stream.");
        }
    }

    private static Object parse(Buffer body) {
        try {
            if (body != null && body.length() > 0) {
                return Json.decodeValue(body);
            }
        } catch (DecodeException e) {
            // answered below
        }
        throw new JsonRpcRefusal(400, JsonRpcRefusal.PARSE_ERROR, "Parse error: the body is not JSON.");
    }

    private List<JsonObject> messages(RoutingContext context, Object body, String versionHeader) {
        if (body instanceof JsonObject message) {
            return List.of(message);
        }
        if (!(body instanceof JsonArray batch)) {
            throw new JsonRpcRefusal(400, INVALID_REQUEST, "Invalid request: the body must be a JSON-RPC message"
                    + " (an object).");
        }
        if (batch.isEmpty()) {
            throw new JsonRpcRefusal(400, INVALID_REQUEST, "Invalid request: an empty batch.");
        }
        if (!batch.stream().allMatch(JsonObject.class::isInstance)) {
            throw new JsonRpcRefusal(400, INVALID_REQUEST, "Invalid request: every message of a batch must be an"
                    + " object; batches do not nest.");
        }
        String session = context.request().getHeader("Mcp-Session-Id");
        if (session == null) {
            throw new JsonRpcRefusal(400, INVALID_REQUEST, "Invalid request: a batch cannot open a session; send"
                    + " initialize on its own.");
        }
        String version = versionHeader != null ? versionHeader : negotiatedVersion(session);
        if (version.compareTo(FIRST_WITHOUT_BATCHES) >= 0) {
            throw new JsonRpcRefusal(400, INVALID_REQUEST, "Invalid request: protocol version " + version
                    + " has no JSON-RPC batches; send one message per request.");
        }
        if (batch.size() > maxBatchSize) {
            throw new JsonRpcRefusal(400, INVALID_REQUEST, "Invalid request: a batch may hold at most "
                    + maxBatchSize + " messages; this one has " + batch.size() + ".");
        }
        List<JsonObject> messages = batch.stream().map(JsonObject.class::cast).toList();
        long responses = messages.stream().filter(m -> !m.containsKey("method")).count();
        if (responses > 0 && responses < messages.size()) {
            throw new JsonRpcRefusal(400, INVALID_REQUEST, "Invalid request: a batch holds either requests and"
                    + " notifications or responses, not both.");
        }
        if (messages.stream().anyMatch(m -> "initialize".equals(m.getValue("method")))) {
            throw new JsonRpcRefusal(400, INVALID_REQUEST, "Invalid request: initialize cannot be part of a batch.");
        }
        return messages;
    }

    /** The version the session agreed on: the client's, when this server speaks it, else the server's latest. */
    private String negotiatedVersion(String session) {
        McpConnectionBase connection = connections.get(session);
        InitialRequest initial = connection == null ? null : connection.initialRequest();
        if (initial == null) {
            return ASSUMED_VERSION;
        }
        return Optional.ofNullable(initial.protocolVersion()).filter(SUPPORTED::contains).orElse(SUPPORTED.get(0));
    }
}
