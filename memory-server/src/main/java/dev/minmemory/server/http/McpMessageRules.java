package dev.minmemory.server.http;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What one JSON-RPC message must look like before the MCP layer handles it. The MCP library assumes well-formed
 * messages: a request without the params its method reads fails inside it with an exception that is never answered
 * (the exchange hangs and holds its connection), and it keeps {@code initialize}'s client information for the whole
 * life of the session. So every method's params are checked here for the members the library reads, with their
 * types, and {@code initialize} for size. Refusals name the member.
 * <p>
 * Two normalisations: an explicit {@code null} is the member left out (for {@code params} and for each tool
 * argument, as Python clients send {@code None} for unset optional fields), and a {@code tools/call} without
 * {@code arguments} has none, so the tool's argument check reports what is required.
 */
@Singleton
public class McpMessageRules {

    private static final Set<String> CLIENT_INFO_STRINGS = Set.of("name", "version", "title", "description", "websiteUrl");
    private static final int MAX_PROTOCOL_VERSION_LENGTH = 32;

    private final int maxNameLength;
    private final int maxInfoBytes;

    public McpMessageRules(HttpConfig config) {
        this.maxNameLength = config.limits().maxClientNameLength();
        this.maxInfoBytes = config.limits().maxClientInfoBytes();
    }

    /**
     * The message to hand on, normalised; empty for a request without an id, which JSON-RPC calls a notification and
     * must not answer, and MCP does not allow. Throws {@link JsonRpcRefusal} for a malformed message.
     */
    public Optional<JsonObject> check(JsonObject message) {
        boolean hasId = message.containsKey("id");
        Object id = message.getValue("id");
        if (hasId && !(id instanceof String || id instanceof Number)) {
            throw invalidRequest("id must be a string or a number", null);
        }
        if (!"2.0".equals(message.getValue("jsonrpc"))) {
            throw invalidRequest("jsonrpc must be \"2.0\"", id);
        }
        Object method = message.getValue("method");
        if (method == null) {
            if (hasId && (message.containsKey("result") || message.containsKey("error"))) {
                return Optional.of(message);
            }
            throw invalidRequest("a request needs a method", id);
        }
        if (!(method instanceof String name)) {
            throw invalidRequest("method must be a string", id);
        }
        Object params = message.getValue("params");
        if (params == null) {
            message.remove("params");
        } else if (!(params instanceof JsonObject)) {
            throw invalidRequest("params must be an object", id);
        }
        if (!hasId) {
            return name.startsWith("notifications/") ? Optional.of(message) : Optional.empty();
        }
        try {
            checkParams(name, (JsonObject) params);
        } catch (JsonRpcRefusal refusal) {
            throw refusal.answering(id);
        }
        return Optional.of(message);
    }

    /** A request: a method and an id (rather than a notification or a response). */
    public static boolean isRequest(JsonObject message) {
        return message.containsKey("method") && message.containsKey("id");
    }

    private void checkParams(String method, JsonObject params) {
        switch (method) {
            case "initialize" -> initialize(required(method, params));
            case "tools/call" -> toolCall(required(method, params));
            case "prompts/get" -> {
                string(method, required(method, params), "name");
                optionalObject(method, params, "arguments");
            }
            case "resources/read", "resources/subscribe", "resources/unsubscribe" ->
                string(method, required(method, params), "uri");
            case "logging/setLevel" -> string(method, required(method, params), "level");
            case "completion/complete" -> {
                object(method, required(method, params), "ref");
                object(method, params, "argument");
            }
            case "tools/list", "prompts/list", "resources/list", "resources/templates/list" -> {
                if (params != null && params.containsKey("cursor") && !(params.getValue("cursor") instanceof String)) {
                    throw invalidParams(method, "params.cursor must be a string");
                }
            }
            default -> {
            }
        }
    }

    private void initialize(JsonObject params) {
        if (!(params.getValue("protocolVersion") instanceof String version)
                || version.length() > MAX_PROTOCOL_VERSION_LENGTH) {
            throw invalidParams("initialize", "params.protocolVersion must be a protocol version such as 2025-11-25");
        }
        if (!(params.getValue("clientInfo") instanceof JsonObject clientInfo)) {
            throw invalidParams("initialize", "params.clientInfo must be an object with name and version");
        }
        // The server never shows the client's icons; their nested members are not worth checking and keeping.
        clientInfo.remove("icons");
        for (String member : CLIENT_INFO_STRINGS) {
            Object value = clientInfo.getValue(member);
            boolean required = member.equals("name") || member.equals("version");
            if (value == null ? required : !(value instanceof String)) {
                throw invalidParams("initialize", "params.clientInfo." + member + " must be a string");
            }
        }
        for (String member : new String[] { "name", "version" }) {
            if (clientInfo.getString(member).length() > maxNameLength) {
                throw invalidParams("initialize", "params.clientInfo." + member + " is longer than " + maxNameLength
                        + " characters");
            }
        }
        if (clientInfo.toBuffer().length() > maxInfoBytes) {
            throw invalidParams("initialize", "params.clientInfo is larger than " + maxInfoBytes + " bytes");
        }
        Object capabilities = params.getValue("capabilities");
        if (capabilities != null && !(capabilities instanceof JsonObject)) {
            throw invalidParams("initialize", "params.capabilities must be an object");
        }
        if (capabilities != null && ((JsonObject) capabilities).toBuffer().length() > maxInfoBytes) {
            throw invalidParams("initialize", "params.capabilities is larger than " + maxInfoBytes + " bytes");
        }
    }

    private static void toolCall(JsonObject params) {
        if (!(params.getValue("name") instanceof String name) || name.isBlank()) {
            throw invalidParams("tools/call", "params.name must be the tool's name (a non-empty string)");
        }
        Object arguments = params.getValue("arguments");
        if (arguments == null) {
            params.put("arguments", new JsonObject());
        } else if (arguments instanceof JsonObject named) {
            named.getMap().values().removeIf(Objects::isNull);
        } else {
            throw invalidParams("tools/call", "params.arguments must be an object of named arguments, not "
                    + (arguments instanceof JsonArray ? "an array" : "a " + arguments.getClass().getSimpleName()));
        }
    }

    private static JsonObject required(String method, JsonObject params) {
        if (params == null) {
            throw invalidParams(method, "params is required");
        }
        return params;
    }

    private static void string(String method, JsonObject params, String member) {
        if (!(params.getValue(member) instanceof String)) {
            throw invalidParams(method, "params." + member + " must be a string");
        }
    }

    private static void object(String method, JsonObject params, String member) {
        if (!(params.getValue(member) instanceof JsonObject)) {
            throw invalidParams(method, "params." + member + " must be an object");
        }
    }

    private static void optionalObject(String method, JsonObject params, String member) {
        if (params.getValue(member) != null) {
            object(method, params, member);
        }
    }

    private static JsonRpcRefusal invalidRequest(String detail, Object id) {
        return new JsonRpcRefusal(400, JsonRpcRefusal.INVALID_REQUEST, "Invalid request: " + detail + ".", id);
    }

    private static JsonRpcRefusal invalidParams(String method, String detail) {
        return new JsonRpcRefusal(400, JsonRpcRefusal.INVALID_PARAMS, "Invalid params for " + method + ": " + detail
                + ".");
    }
}
