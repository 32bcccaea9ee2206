package dev.minmemory.server.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.minmemory.server.http.McpRouteOrder;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The OAuth 2.1 resource-server checks of every {@code /mcp} request, when an issuer is configured:
 * <ol>
 * <li>a valid bearer token naming a subject ({@link BearerAuthentication}): else 401 with the metadata
 * challenge;</li>
 * <li>a session continues only with its owner's tokens: else 403 (a session that is not open is answered 404 by
 * {@link McpSessions});</li>
 * <li>{@code tools/call} needs {@code mcp:read} or {@code mcp:write} by the tool's read-only annotation, and
 * {@code resources/read}, {@code resources/list}, {@code prompts/get} and {@code completion/complete} need {@code mcp:read}: else 403
 * {@code insufficient_scope}.</li>
 * </ol>
 */
@Singleton
public class McpAccessGuard {

    private static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final Set<String> READING_METHODS = Set.of("resources/read", "resources/list",
            "prompts/get", "completion/complete");

    private final AuthSettings auth;
    private final BearerAuthentication bearer;
    private final BearerChallenge challenge;
    private final SessionOwners sessions;
    private final ToolScopes toolScopes;

    public McpAccessGuard(AuthSettings auth, BearerAuthentication bearer, BearerChallenge challenge,
            SessionOwners sessions, ToolScopes toolScopes) {
        this.auth = auth;
        this.bearer = bearer;
        this.challenge = challenge;
        this.sessions = sessions;
        this.toolScopes = toolScopes;
    }

    void register(@Observes Router router) {
        if (auth.enabled()) {
            router.route("/mcp*").order(McpRouteOrder.ACCESS).handler(this::authorize);
        }
    }

    private void authorize(RoutingContext context) {
        bearer.authenticate(context, McpAccessGuard::reject, identity -> admit(context, identity));
    }

    private void admit(RoutingContext context, SecurityIdentity identity) {
        String user = CallerIdentity.userOf((JsonWebToken) identity.getPrincipal());
        String session = context.request().getHeader(SESSION_HEADER);
        if (session != null && sessions.session(session).filter(valid -> !valid.owner().equals(user)).isPresent()) {
            reject(context, 403, null);
            return;
        }
        Optional<String> missingScope = missingScope(context, identity);
        if (missingScope.isPresent()) {
            reject(context, 403, challenge.insufficientScope(missingScope.get()));
            return;
        }
        context.setUser(new QuarkusHttpUser(identity));
        context.next();
    }

    private Optional<String> missingScope(RoutingContext context, SecurityIdentity identity) {
        if (!auth.enforceScopes() || context.body().buffer() == null) {
            return Optional.empty();
        }
        Set<String> granted = TokenScopes.of((JsonWebToken) identity.getPrincipal());
        for (JsonObject message : messages(context)) {
            Optional<String> needed = requiredScope(message).filter(scope -> !granted.contains(scope));
            if (needed.isPresent()) {
                return needed;
            }
        }
        return Optional.empty();
    }

    /** Tools need the scope their annotations call for; reading or listing memories, a prompt or a completion reads. */
    private Optional<String> requiredScope(JsonObject message) {
        Object method = message.getValue("method");
        if ("tools/call".equals(method)) {
            return message.getValue("params") instanceof JsonObject params
                    && params.getValue("name") instanceof String tool ? toolScopes.requiredFor(tool) : Optional.empty();
        }
        return READING_METHODS.contains(method) ? Optional.of(AuthSettings.READ_SCOPE) : Optional.empty();
    }

    /** The JSON-RPC messages of the body; malformed bodies are left for the MCP layer to answer. */
    private static Iterable<JsonObject> messages(RoutingContext context) {
        try {
            Object body = Json.decodeValue(context.body().buffer());
            if (body instanceof JsonObject single) {
                return List.of(single);
            }
            if (body instanceof JsonArray batch) {
                return batch.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
            }
        } catch (DecodeException e) {
            // not JSON: nothing to authorize here
        }
        return List.of();
    }

    private static void reject(RoutingContext context, int status, String wwwAuthenticate) {
        if (wwwAuthenticate != null) {
            context.response().putHeader("WWW-Authenticate", wwwAuthenticate);
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "text/plain")
                .end(status == 401 ? "Unauthorized" : "Forbidden");
    }
}
