package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.TlsSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Every desired object, for a range of specs, is a manifest of the Kubernetes API with no unknown field. */
class DesiredObjectsAreValidKubernetesManifestsTest {

    static Stream<Arguments> desiredObjects() {
        return Stream.of(minimal(), qdrantCluster(), oidcWithoutIngress(), existingCertificate())
                .flatMap(ms -> DesiredObjects.of(ms, TestConfig.inputs()).entrySet().stream()
                        .map(e -> Arguments.of(ms.getMetadata().getName() + "/" + e.getKey(), e.getValue())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("desiredObjects")
    void roundTripsThroughTheTypedModelWithoutUnknownFields(String name, HasMetadata desired) {
        String yaml = Serialization.asYaml(desired);

        HasMetadata parsed = StrictKubernetesModel.read(yaml);

        assertThat(parsed.getClass()).isEqualTo(desired.getClass());
        assertThat(StrictKubernetesModel.unknownFields(parsed)).isEmpty();
        assertThat(Serialization.asYaml(parsed)).isEqualTo(yaml);
    }

    private static MemoryServer minimal() {
        return MemoryServers.auth0("team-a", "minimal");
    }

    private static MemoryServer qdrantCluster() {
        var ms = MemoryServers.auth0("team-a", "cluster");
        ms.getSpec().getQdrant().setReplicas(3);
        ms.getSpec().getQdrant().setReplicationFactor(2);
        ms.getSpec().getQdrant().getStorage().setStorageClassName("fast-ssd");
        ms.getSpec().getServer().setReplicas(2);
        return ms;
    }

    private static MemoryServer oidcWithoutIngress() {
        var ms = MemoryServers.auth0("team-a", "internal");
        ms.getSpec().getAuth().setAuth0Domain(null);
        ms.getSpec().getAuth().setIssuer("https://login.example.com/realms/team-a");
        ms.getSpec().getIngress().setEnabled(false);
        return ms;
    }

    private static MemoryServer existingCertificate() {
        var ms = MemoryServers.auth0("team-a", "certificate");
        var tls = new TlsSpec();
        tls.setSecretName("wildcard-example-com");
        ms.getSpec().getIngress().setTls(tls);
        ms.getSpec().getIngress().setClassName("traefik");
        return ms;
    }
}
