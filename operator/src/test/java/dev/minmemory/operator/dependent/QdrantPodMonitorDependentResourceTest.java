package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;

class QdrantPodMonitorDependentResourceTest {

    @Test
    void prometheusScrapesEveryQdrantPodWithTheApiKeyAsBearerToken() {
        var ms = MemoryServers.auth0("team-a", "memory");

        var monitor = new QdrantPodMonitorDependentResource().desired(ms, TestConfig.inputs());

        assertThat(monitor.getMetadata().getName()).isEqualTo("memory-qdrant");
        assertThat(monitor.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Labels.selector(ms, Labels.COMPONENT_QDRANT));
        var endpoint = monitor.getSpec().getPodMetricsEndpoints().get(0);
        assertThat(endpoint.getPort()).isEqualTo("http");
        assertThat(endpoint.getPath()).isEqualTo("/metrics");
        assertThat(endpoint.getAuthorization().getType()).isEqualTo("Bearer");
        assertThat(endpoint.getAuthorization().getCredentials().getName()).isEqualTo("memory-qdrant-api-key");
        assertThat(endpoint.getAuthorization().getCredentials().getKey())
                .isEqualTo(QdrantApiKeySecretDependentResource.KEY);
    }

    @Test
    void withQdrantTlsPrometheusScrapesOverHttpsTrustingTheCaAndCheckingTheServiceName() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().setTls(MemoryServers.qdrantTls("internal-ca", "Issuer"));

        var endpoint = new QdrantPodMonitorDependentResource().desired(ms, TestConfig.inputs()).getSpec()
                .getPodMetricsEndpoints().get(0);

        assertThat(endpoint.getScheme()).isEqualTo("https");
        assertThat(endpoint.getTlsConfig().getCa().getSecret().getName()).isEqualTo("memory-qdrant-tls");
        assertThat(endpoint.getTlsConfig().getCa().getSecret().getKey()).isEqualTo("ca.crt");
        assertThat(endpoint.getTlsConfig().getServerName()).isEqualTo("memory-qdrant");
    }
}
