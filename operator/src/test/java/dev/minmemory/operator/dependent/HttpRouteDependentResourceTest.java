package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;

class HttpRouteDependentResourceTest {

    private final HttpRouteDependentResource dependent = new HttpRouteDependentResource();

    @Test
    void onlyMcpAndItsOAuthMetadataAreRoutedToTheServerServiceSoHealthAndMetricsStayPrivate() {
        var rules = dependent.desired(throughGateway(), TestConfig.inputs()).getSpec().getRules();

        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.getMatches()).extracting(match -> match.getPath().getType(), match -> match.getPath()
                    .getValue()).containsExactly(tuple("PathPrefix", "/mcp"),
                            tuple("PathPrefix", "/.well-known/oauth-protected-resource"));
            assertThat(rule.getMatches()).allSatisfy(HttpRouteDependentResourceTest::matchesOnlyThePath);
            assertThat(rule.getBackendRefs()).singleElement().satisfies(backend -> {
                assertThat(backend.getKind()).isEqualTo("Service");
                assertThat(backend.getName()).isEqualTo("memory-server");
                assertThat(backend.getPort()).isEqualTo(Endpoints.SERVER_PORT);
            });
        });
    }

    @Test
    void theRouteAttachesToTheTeamsGatewayListenerForItsHostnameAndLeavesTlsToTheGateway() {
        var route = dependent.desired(throughGateway(), TestConfig.inputs());

        assertThat(route.getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
        assertThat(route.getSpec().getHostnames()).containsExactly("memory.team-a.example.com");
        assertThat(route.getSpec().getParentRefs()).extracting(ParentReference::getGroup, ParentReference::getKind,
                ParentReference::getName, ParentReference::getNamespace, ParentReference::getSectionName)
                .containsExactly(tuple("gateway.networking.k8s.io", "Gateway", "shared-gateway", "infra", "https"));
        assertThat(route.getMetadata().getAnnotations()).isNullOrEmpty();
    }

    @Test
    void theServerAdvertisesTheRoutesHostnameAsItsPublicUrl() {
        assertThat(Endpoints.mcp(throughGateway())).isEqualTo("https://memory.team-a.example.com/mcp");
    }

    private static void matchesOnlyThePath(HTTPRouteMatch match) {
        assertThat(match.getHeaders()).isNullOrEmpty();
        assertThat(match.getMethod()).isNull();
    }

    private static MemoryServer throughGateway() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getIngress().setEnabled(false);
        ms.getSpec().setHttpRoute(MemoryServers.httpRoute("memory.team-a.example.com", "shared-gateway", "infra"));
        return ms;
    }
}
