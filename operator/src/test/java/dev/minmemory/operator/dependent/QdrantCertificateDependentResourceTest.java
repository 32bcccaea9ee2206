package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;

class QdrantCertificateDependentResourceTest {

    private final QdrantCertificateDependentResource dependent = new QdrantCertificateDependentResource();

    @Test
    void theCertificateNamesTheServiceAndEveryPodBehindTheHeadlessServiceAndComesFromTheSpecsIssuer() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().setTls(MemoryServers.qdrantTls("internal-ca", "ClusterIssuer"));

        var certificate = dependent.desired(ms, TestConfig.inputs());

        assertThat(certificate.getApiVersion()).isEqualTo("cert-manager.io/v1");
        assertThat(certificate.getKind()).isEqualTo("Certificate");
        assertThat(certificate.getMetadata().getName()).isEqualTo("memory-qdrant-tls");
        assertThat(certificate.getMetadata().getLabels()).containsAllEntriesOf(Labels.of(ms, Labels.COMPONENT_QDRANT));
        @SuppressWarnings("unchecked")
        var spec = (Map<String, Object>) certificate.getAdditionalProperties().get("spec");
        assertThat(spec).containsEntry("secretName", "memory-qdrant-tls")
                .containsEntry("issuerRef", Map.of("name", "internal-ca", "kind", "ClusterIssuer", "group",
                        "cert-manager.io"))
                .containsEntry("dnsNames", List.of("memory-qdrant", "memory-qdrant.team-a", "memory-qdrant.team-a.svc",
                        "memory-qdrant-headless.team-a.svc", "*.memory-qdrant-headless.team-a.svc"));
    }

    @Test
    void theQdrantUrlTheServerIsGivenIsANameOfTheCertificate() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().setTls(MemoryServers.qdrantTls("internal-ca", "Issuer"));

        var url = new ServerDeploymentDependentResource().desired(ms, TestConfig.inputs()).getSpec().getTemplate()
                .getSpec().getContainers().get(0).getEnv().stream().filter(env -> env.getName().equals("QDRANT_URL"))
                .findFirst().orElseThrow().getValue();

        assertThat(QdrantCertificateDependentResource.dnsNames(ms))
                .contains(URI.create(url).getHost());
    }
}
