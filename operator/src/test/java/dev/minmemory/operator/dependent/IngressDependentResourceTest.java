package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import dev.minmemory.operator.crd.TlsSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;

class IngressDependentResourceTest {

    private final IngressDependentResource dependent = new IngressDependentResource();

    @Test
    void onlyMcpAndItsOAuthMetadataAreRoutedSoHealthAndMetricsStayPrivate() {
        var paths = dependent.desired(MemoryServers.auth0("team-a", "memory"), TestConfig.inputs())
                .getSpec().getRules().get(0).getHttp().getPaths();

        assertThat(paths).extracting(HTTPIngressPath::getPath, HTTPIngressPath::getPathType)
                .containsExactly(tuple("/mcp", "Prefix"), tuple("/.well-known/oauth-protected-resource", "Prefix"));
        assertThat(paths).allSatisfy(path -> assertThat(path.getBackend().getService().getPort().getName())
                .isEqualTo("http"));
    }

    @Test
    void anExistingCertificateSecretIsUsedAsIsWithoutCertManager() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var tls = new TlsSpec();
        tls.setSecretName("wildcard-example-com");
        ms.getSpec().getIngress().setTls(tls);

        var ingress = dependent.desired(ms, TestConfig.inputs());

        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("wildcard-example-com");
        assertThat(ingress.getMetadata().getAnnotations())
                .doesNotContainKey(IngressDependentResource.CLUSTER_ISSUER_ANNOTATION);
    }

    @Test
    void nginxStreamsWithoutBufferingAndWithoutHashingClientsToPodsSinceAnyReplicaServesAnySession() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getIngress().setAnnotations(Map.of(
                "nginx.ingress.kubernetes.io/whitelist-source-range", "10.0.0.0/8",
                "nginx.ingress.kubernetes.io/proxy-read-timeout", "60"));

        var annotations = dependent.desired(ms, TestConfig.inputs()).getMetadata().getAnnotations();

        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/whitelist-source-range", "10.0.0.0/8")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
                .doesNotContainKey("nginx.ingress.kubernetes.io/upstream-hash-by");
    }

    @Test
    void otherIngressClassesGetNoNginxAnnotations() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getIngress().setClassName("traefik");

        var ingress = dependent.desired(ms, TestConfig.inputs());

        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("traefik");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsOnlyKeys(IngressDependentResource.CLUSTER_ISSUER_ANNOTATION);
    }
}
