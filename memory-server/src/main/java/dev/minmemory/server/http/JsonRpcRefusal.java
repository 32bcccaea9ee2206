package dev.minmemory.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A request refused before it reaches the MCP layer: answered with an HTTP status and a JSON-RPC error, so that every
 * client, SDK or not, reads what was wrong. {@code id} is the refused request's id when it has a valid one.
 */
public class JsonRpcRefusal extends RuntimeException {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int INVALID_PARAMS = -32602;
    /** Server-defined (JSON-RPC reserves -32000 to -32099): a limit of this server was reached. */
    public static final int LIMIT_REACHED = -32000;
    /** Server-defined, as the MCP SDKs use it: the session does not exist (any more). */
    public static final int SESSION_NOT_FOUND = -32001;

    private final int status;
    private final int code;
    private final Object id;

    public JsonRpcRefusal(int status, int code, String message) {
        this(status, code, message, null);
    }

    public JsonRpcRefusal(int status, int code, String message, Object id) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.id = id;
    }

    /** The same refusal, answering the request with this id. */
    public JsonRpcRefusal answering(Object requestId) {
        return new JsonRpcRefusal(status, code, getMessage(), requestId);
    }

    public Future<Void> send(RoutingContext context) {
        JsonObject error = new JsonObject().put("code", code).put("message", getMessage());
        return context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("error", error).toBuffer());
    }
}
