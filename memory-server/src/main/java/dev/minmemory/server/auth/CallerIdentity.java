package dev.minmemory.server.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is calling: the partition every tool call reads and writes. In local mode there is exactly one user; with an
 * authorization server it is the token's issuer and subject, never anything a client passes as an argument.
 */
@ApplicationScoped
public class CallerIdentity {

    public static final String LOCAL_USER = "local";

    private final AuthSettings auth;
    private final SecurityIdentity identity;

    public CallerIdentity(AuthSettings auth, SecurityIdentity identity) {
        this.auth = auth;
        this.identity = identity;
    }

    public String user() {
        if (!auth.enabled()) {
            return LOCAL_USER;
        }
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new IllegalStateException("A tool was called without an authenticated caller");
        }
        return userOf(token);
    }

    /**
     * The caller of an HTTP request on {@code /mcp}: the token's user once {@link McpAccessGuard} has admitted the
     * request, the local user in local mode.
     */
    public static String userOf(RoutingContext context) {
        return context.user() instanceof QuarkusHttpUser user
                && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token ? userOf(token) : LOCAL_USER;
    }

    /** Subjects are unique per issuer only, so the partition is named by both. */
    static String userOf(JsonWebToken token) {
        return token.getIssuer() + "#" + token.getSubject();
    }
}
