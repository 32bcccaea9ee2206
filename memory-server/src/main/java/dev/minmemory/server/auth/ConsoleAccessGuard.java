package dev.minmemory.server.auth;

import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.minmemory.server.http.McpRouteOrder;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The web console's API with an issuer configured: every {@code /console/api} request but the public
 * {@code /console/api/config} needs a bearer token checked exactly as on {@code /mcp} ({@link BearerAuthentication}),
 * and {@code mcp:read} to read or {@code mcp:write} to change (POST, PATCH, DELETE); refusals are the console's
 * JSON errors with the same challenges as {@code /mcp}.
 */
@Singleton
public class ConsoleAccessGuard {

    private static final String CONFIG_PATH = "/console/api/config";
    private static final Set<HttpMethod> READING = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final AuthSettings auth;
    private final BearerAuthentication bearer;
    private final BearerChallenge challenge;

    public ConsoleAccessGuard(AuthSettings auth, BearerAuthentication bearer, BearerChallenge challenge) {
        this.auth = auth;
        this.bearer = bearer;
        this.challenge = challenge;
    }

    void register(@Observes Router router) {
        if (auth.enabled()) {
            router.route("/console/api/*").order(McpRouteOrder.ACCESS).handler(this::authorize);
        }
    }

    private void authorize(RoutingContext context) {
        if (CONFIG_PATH.equals(context.normalizedPath())) {
            context.next();
            return;
        }
        bearer.authenticate(context, ConsoleAccessGuard::reject, identity -> admit(context, identity));
    }

    private void admit(RoutingContext context, SecurityIdentity identity) {
        String needed = READING.contains(context.request().method()) ? AuthSettings.READ_SCOPE
                : AuthSettings.WRITE_SCOPE;
        if (auth.enforceScopes() && !TokenScopes.of((JsonWebToken) identity.getPrincipal()).contains(needed)) {
            reject(context, 403, challenge.insufficientScope(needed));
            return;
        }
        context.setUser(new QuarkusHttpUser(identity));
        context.next();
    }

    private static void reject(RoutingContext context, int status, String wwwAuthenticate) {
        if (wwwAuthenticate != null) {
            context.response().putHeader("WWW-Authenticate", wwwAuthenticate);
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", status == 401
                        ? "Sign in again: the request carries no valid access token."
                        : "Your access token does not grant what this request needs.").encode());
    }
}
