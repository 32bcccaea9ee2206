package dev.minmemory.server.auth;

import java.util.Optional;

import jakarta.inject.Singleton;

import dev.minmemory.server.http.PublicEndpoint;

/**
 * The resolved authorization setup: no issuer means local mode; otherwise exactly one issuer (Auth0's or any OIDC
 * provider's) and the audience its tokens must name.
 */
@Singleton
public class AuthSettings {

    public static final String READ_SCOPE = "mcp:read";
    public static final String WRITE_SCOPE = "mcp:write";

    private final Optional<String> issuer;
    private final String audience;
    private final boolean enforceScopes;
    private final AuthConfig config;

    public AuthSettings(AuthConfig config, PublicEndpoint endpoint) {
        this.config = config;
        if (config.issuer().isPresent() && config.auth0Domain().isPresent()) {
            throw new IllegalStateException("Both MEMORY_OIDC_ISSUER and AUTH0_DOMAIN are set: set only one of them.");
        }
        this.issuer = config.issuer()
                .or(() -> config.auth0Domain()
                        .map(domain -> "https://" + domain.replaceAll("^https?://|/+$", "") + "/"));
        this.audience = config.auth0Domain().isPresent()
                ? config.auth0Audience().orElse(endpoint.mcpResource())
                : config.audience().orElse(endpoint.mcpResource());
        this.enforceScopes = config.enforceScopes();
        issuer.ifPresent(AuthSettings::requireHttps);
    }

    public boolean enabled() {
        return issuer.isPresent();
    }

    public String issuer() {
        return issuer.orElseThrow();
    }

    public String audience() {
        return audience;
    }

    public boolean enforceScopes() {
        return enforceScopes;
    }

    AuthConfig config() {
        return config;
    }

    /** Tokens from a plain-HTTP issuer could be forged in transit; only loopback test servers may use http. */
    private static void requireHttps(String issuer) {
        boolean loopback = issuer.startsWith("http://localhost") || issuer.startsWith("http://127.0.0.1");
        if (!issuer.startsWith("https://") && !loopback) {
            throw new IllegalStateException("The issuer must be an https URL, not '" + issuer + "'.");
        }
    }
}
