package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;

class AuthSecretDependentResourceTest {

    @Test
    void anAuth0TenantIsPassedAsDomainAndApiAudience() {
        var ms = MemoryServers.auth0("team-a", "memory");

        assertThat(AuthSecretDependentResource.environment(ms)).isEqualTo(Map.of(
                "AUTH0_DOMAIN", "team-a.eu.auth0.com",
                "AUTH0_API_AUDIENCE", "https://memory.team-a.example.com/mcp",
                "MEMORY_PUBLIC_URL", "https://memory.team-a.example.com",
                "MEMORY_AUTH_ENFORCE_SCOPES", "true"));
    }

    @Test
    void anyOtherProviderIsPassedAsOidcIssuerAndAudience() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getAuth().setAuth0Domain(null);
        ms.getSpec().getAuth().setIssuer("https://login.example.com/realms/team-a");
        ms.getSpec().getAuth().setEnforceScopes(false);

        assertThat(AuthSecretDependentResource.environment(ms)).isEqualTo(Map.of(
                "MEMORY_OIDC_ISSUER", "https://login.example.com/realms/team-a",
                "MEMORY_OIDC_AUDIENCE", "https://memory.team-a.example.com/mcp",
                "MEMORY_PUBLIC_URL", "https://memory.team-a.example.com",
                "MEMORY_AUTH_ENFORCE_SCOPES", "false"));
    }

    @Test
    void withoutAnIngressThePublicUrlIsTheInClusterService() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getIngress().setEnabled(false);

        assertThat(AuthSecretDependentResource.environment(ms))
                .containsEntry("MEMORY_PUBLIC_URL", "http://memory-server.team-a.svc:8080");
    }
}
