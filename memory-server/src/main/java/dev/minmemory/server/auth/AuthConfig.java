package dev.minmemory.server.auth;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Authorization settings; {@link AuthSettings} resolves them into one issuer and one audience. */
@ConfigMapping(prefix = "memory.auth")
public interface AuthConfig {

    /** Any OIDC provider's issuer ({@code MEMORY_OIDC_ISSUER}). */
    Optional<String> issuer();

    /** The audience tokens must carry ({@code MEMORY_OIDC_AUDIENCE}); defaults to the canonical MCP URL. */
    Optional<String> audience();

    /** An Auth0 tenant's domain ({@code AUTH0_DOMAIN}); the issuer is then {@code https://<domain>/}. */
    Optional<String> auth0Domain();

    /** The Auth0 API identifier ({@code AUTH0_API_AUDIENCE}). */
    Optional<String> auth0Audience();

    /**
     * Whether tools require the {@code mcp:read} / {@code mcp:write} scopes ({@code MEMORY_AUTH_ENFORCE_SCOPES}).
     * Turn off only for providers that cannot issue scopes.
     */
    @WithDefault("true")
    boolean enforceScopes();

    /**
     * Local mode on any address, inside a container only ({@code MEMORY_ALLOW_UNAUTHENTICATED_CONTAINER}): for a
     * container whose port the host publishes on its own loopback alone ({@code -p 127.0.0.1:8080:8080}). Whoever
     * reaches the port acts as the single local user, so a port published on any other address of the host exposes
     * every memory to that network. {@link LocalModeGuard} logs a warning at every start.
     */
    @WithDefault("false")
    boolean allowUnauthenticatedContainer();

    /** Tolerated clock difference with the authorization server when checking {@code exp} and {@code nbf}. */
    @WithDefault("30s")
    Duration clockSkew();

    /** Minimum time between two JWKS fetches caused by unknown key ids. */
    @WithDefault("10s")
    Duration keyRefreshInterval();
}
