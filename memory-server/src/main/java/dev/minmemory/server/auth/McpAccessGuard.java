package dev.minmemory.server.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import dev.minmemory.server.http.McpRouteOrder;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
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
 * <li>a bearer token from the Authorization header (never the query string), validated by the OIDC tenant
 * (signature from the issuer's JWKS, issuer, audience, expiry) and naming a subject: else 401 with the metadata
 * challenge; a signature that fails with a known key id first fetches the JWKS again ({@link SigningKeyRefresh});</li>
 * <li>a session continues only with its owner's tokens: else 403 (a session that is not open is answered 404 by
 * {@link McpSessions});</li>
 * <li>{@code tools/call} needs {@code mcp:read} or {@code mcp:write} by the tool's read-only annotation, and
 * {@code resources/read}, {@code prompts/get} and {@code completion/complete} need {@code mcp:read}: else 403
 * {@code insufficient_scope}.</li>
 * </ol>
 */
@Singleton
public class McpAccessGuard {

    private static final Logger LOG = Logger.getLogger(McpAccessGuard.class);
    private static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final String BEARER = "bearer ";
    private static final Set<String> READING_METHODS = Set.of("resources/read", "prompts/get",
            "completion/complete");

    private final AuthSettings auth;
    private final TenantIdentityProvider tokens;
    private final BearerChallenge challenge;
    private final SessionOwners sessions;
    private final ToolScopes toolScopes;
    private final SigningKeyRefresh keys;

    public McpAccessGuard(AuthSettings auth, TenantIdentityProvider tokens, BearerChallenge challenge,
            SessionOwners sessions, ToolScopes toolScopes, SigningKeyRefresh keys) {
        this.auth = auth;
        this.tokens = tokens;
        this.challenge = challenge;
        this.sessions = sessions;
        this.toolScopes = toolScopes;
        this.keys = keys;
    }

    void register(@Observes Router router) {
        if (auth.enabled()) {
            router.route("/mcp*").order(McpRouteOrder.ACCESS).handler(this::authorize);
        }
    }

    private void authorize(RoutingContext context) {
        Optional<String> token = bearerToken(context);
        if (token.isEmpty()) {
            reject(context, 401, challenge.missingToken());
            return;
        }
        authenticate(context, token.get(), true);
    }

    private void authenticate(RoutingContext context, String token, boolean mayRefetchKeys) {
        tokens.authenticate(new AccessTokenCredential(token)).subscribe().with(
                identity -> context.vertx().runOnContext(ignored -> admit(context, identity)),
                failure -> context.vertx().runOnContext(ignored -> {
                    if (mayRefetchKeys && SigningKeyRefresh.signatureMismatch(failure)) {
                        keys.refetchAndVerify(token).subscribe().with(
                                verified -> context.vertx().runOnContext(again -> authenticate(context, token, false)),
                                stillRefused -> context.vertx().runOnContext(again -> refuse(context, stillRefused)));
                        return;
                    }
                    refuse(context, failure);
                }));
    }

    private void refuse(RoutingContext context, Throwable failure) {
        LOG.debugf("Refused a bearer token: %s", TokenRefusal.reason(failure));
        reject(context, 401, challenge.invalidToken());
    }

    private void admit(RoutingContext context, SecurityIdentity identity) {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            LOG.debug("Refused a bearer token: its subject is empty");
            reject(context, 401, challenge.invalidToken());
            return;
        }
        String user = CallerIdentity.userOf(token);
        String session = context.request().getHeader(SESSION_HEADER);
        if (session != null && sessions.ownerOf(session).filter(owner -> !owner.equals(user)).isPresent()) {
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

    /** Tools need the scope their annotations call for; reading a memory, a prompt or a completion reads. */
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

    private static Optional<String> bearerToken(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).trim());
    }

    private static void reject(RoutingContext context, int status, String wwwAuthenticate) {
        if (wwwAuthenticate != null) {
            context.response().putHeader("WWW-Authenticate", wwwAuthenticate);
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "text/plain")
                .end(status == 401 ? "Unauthorized" : "Forbidden");
    }
}
