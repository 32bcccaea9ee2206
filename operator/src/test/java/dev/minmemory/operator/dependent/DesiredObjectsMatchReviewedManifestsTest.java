package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import dev.minmemory.operator.crd.EmbeddingModel;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Each desired object, field for field, against a reviewed manifest in src/test/resources/desired. The build also
 * validates those manifests against the Kubernetes OpenAPI schemas (src/test/node).
 * After an intended change, regenerate them with -Ddesired.update=true and review the diff.
 */
class DesiredObjectsMatchReviewedManifestsTest {

    private static final Path REVIEWED = Path.of("src/test/resources/desired");
    /** Valid base64 (the Kubernetes schema checks the format) standing in for the random keys. */
    private static final String RANDOM_KEY_PLACEHOLDER = Encoding.base64("random");

    static Stream<Arguments> desiredObjects() {
        return Map
                .of("auth0-cert-manager", auth0WithCertManager(), "oidc-qdrant-cluster-internal", oidcClusterInternal(),
                        "auth0-gateway-api", auth0ThroughGateway(), "auth0-qdrant-cluster-tls",
                        auth0WithQdrantClusterTls())
                .entrySet().stream()
                .flatMap(variant -> DesiredObjects.of(variant.getValue(), TestConfig.inputs()).entrySet().stream()
                        .map(object -> Arguments.of(variant.getKey() + "/" + object.getKey(), object.getValue())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("desiredObjects")
    void desiredObjectIsExactlyTheReviewedManifest(String name, HasMetadata object) throws IOException {
        if (object instanceof Secret secret) {
            for (String generated : List.of(QdrantApiKeySecretDependentResource.KEY,
                    ServerSessionKeySecretDependentResource.KEY)) {
                secret.getData().computeIfPresent(generated, (key, random) -> RANDOM_KEY_PLACEHOLDER);
            }
        }
        String yaml = Serialization.asYaml(object);
        Path file = REVIEWED.resolve(name + ".yaml");
        if (Boolean.getBoolean("desired.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
        }
        assertThat(yaml).isEqualTo(Files.readString(file));
    }

    private static MemoryServer auth0WithCertManager() {
        return MemoryServers.auth0("team-a", "memory");
    }

    private static MemoryServer auth0ThroughGateway() {
        var ms = MemoryServers.auth0("team-c", "memory");
        ms.getSpec().getIngress().setEnabled(false);
        ms.getSpec().setHttpRoute(MemoryServers.httpRoute("memory.team-c.example.com", "shared-gateway", "infra"));
        ms.getSpec().getNetworkPolicy()
                .setIngressControllerNamespaceLabels(Map.of("kubernetes.io/metadata.name", "infra"));
        return ms;
    }

    private static MemoryServer auth0WithQdrantClusterTls() {
        var ms = MemoryServers.auth0("team-d", "memory");
        ms.getSpec().getQdrant().setReplicas(3);
        ms.getSpec().getQdrant().setTls(MemoryServers.qdrantTls("internal-ca", "ClusterIssuer"));
        ms.getSpec().getMonitoring().getPodMonitor().setEnabled(true);
        return ms;
    }

    private static MemoryServer oidcClusterInternal() {
        var ms = MemoryServers.auth0("team-b", "memory");
        ms.getSpec().getAuth().setAuth0Domain(null);
        ms.getSpec().getAuth().setIssuer("https://login.example.com/realms/team-b");
        ms.getSpec().getAuth().setEnforceScopes(false);
        ms.getSpec().getServer().setReplicas(2);
        ms.getSpec().getServer().setEmbeddingModel(EmbeddingModel.BGE_SMALL_EN_V15);
        ms.getSpec().getQdrant().setReplicas(3);
        ms.getSpec().getQdrant().setReplicationFactor(2);
        ms.getSpec().getQdrant().setDeleteStorageWithResource(true);
        ms.getSpec().getQdrant().getStorage().setStorageClassName("fast-ssd");
        ms.getSpec().getQdrant().getSnapshots().setSize("20Gi");
        ms.getSpec().getQdrant().getSnapshots().setSchedule("0 3 * * *");
        ms.getSpec().getQdrant().getSnapshots().setRetain(3);
        ms.getSpec().getIngress().setEnabled(false);
        ms.getSpec().getNetworkPolicy()
                .setMonitoringNamespaceLabels(Map.of("kubernetes.io/metadata.name", "monitoring"));
        ms.getSpec().getMonitoring().getPodMonitor().setEnabled(true);
        ms.getSpec().getMonitoring().getPodMonitor().setLabels(Map.of("release", "kube-prometheus-stack"));
        var qdrant = ms.getSpec().getQdrant();
        qdrant.getScheduling().setNodeSelector(Map.of("disktype", "ssd"));
        qdrant.getScheduling().setTolerations(List.of(new TolerationBuilder().withKey("dedicated").withOperator("Equal")
                .withValue("qdrant").withEffect("NoSchedule").build()));
        qdrant.getScheduling().setPriorityClassName("platform-critical");
        qdrant.setImagePullSecrets(List.of(new LocalObjectReference("regcred")));
        var server = ms.getSpec().getServer();
        server.getScheduling().setAffinity(new AffinityBuilder().withNewPodAntiAffinity()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(100).withNewPodAffinityTerm()
                .withTopologyKey("topology.kubernetes.io/zone").withNewLabelSelector()
                .addToMatchLabels("app.kubernetes.io/component", "server").endLabelSelector().endPodAffinityTerm()
                .endPreferredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity().build());
        server.setPodLabels(Map.of("team", "b"));
        server.setPodAnnotations(Map.of("sidecar.istio.io/inject", "false"));
        return ms;
    }
}
