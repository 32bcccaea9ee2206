package dev.minmemory.server.auth;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.minmemory.server.http.PublicEndpoint;
import io.quarkus.oidc.Oidc;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;

/**
 * Creates the OIDC tenant that validates bearer tokens, when an issuer is configured. Tokens are checked locally
 * against the issuer's JWKS: never introspected, so a token is never sent anywhere.
 */
@Singleton
public class OidcTenantSetup {

    private static final Logger LOG = Logger.getLogger(OidcTenantSetup.class);

    void createTenant(@Observes Oidc oidc, AuthSettings auth, PublicEndpoint endpoint) {
        if (!auth.enabled()) {
            return;
        }
        oidc.create(OidcTenantConfig.authServerUrl(auth.issuer())
                .applicationType(ApplicationType.SERVICE)
                .token()
                .issuer(auth.issuer())
                .audience(List.of(auth.audience()))
                .lifespanGrace((int) auth.config().clockSkew().toSeconds())
                .forcedJwkRefreshInterval(auth.config().keyRefreshInterval())
                .allowJwtIntrospection(false)
                .allowOpaqueTokenIntrospection(false)
                .subjectRequired()
                .end()
                .build());
        LOG.infof("OAuth 2.1 resource server: tokens from %s for audience %s; MCP resource %s; scopes %s",
                auth.issuer(), auth.audience(), endpoint.mcpResource(),
                auth.enforceScopes() ? "enforced" : "not enforced");
    }
}
