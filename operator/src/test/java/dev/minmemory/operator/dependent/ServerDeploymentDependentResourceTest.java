package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import dev.minmemory.operator.crd.EmbeddingModel;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

class ServerDeploymentDependentResourceTest {

    private final ServerDeploymentDependentResource dependent = new ServerDeploymentDependentResource();

    @Test
    void theDefaultImageComesFromTheOperatorConfiguration() {
        var deployment = dependent.desired(MemoryServers.auth0("team-a", "memory"), TestConfig.inputs());

        assertThat(container(deployment).getImage()).isEqualTo(TestConfig.SERVER_IMAGE);
    }

    @Test
    void replicasImageAndModelComeFromTheSpec() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getServer().setReplicas(4);
        ms.getSpec().getServer().setImage("ghcr.io/min-memory/memory-server:2.0.0");
        ms.getSpec().getServer().setEmbeddingModel(EmbeddingModel.BGE_SMALL_EN_V15);

        var deployment = dependent.desired(ms, TestConfig.inputs());

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(4);
        assertThat(container(deployment).getImage()).isEqualTo("ghcr.io/min-memory/memory-server:2.0.0");
        assertThat(container(deployment).getEnv()).filteredOn(e -> e.getName().equals("MEMORY_EMBEDDING_MODEL"))
                .extracting(EnvVar::getValue).containsExactly("bge-small-en-v1.5");
    }

    @Test
    void withQdrantTlsTheServerCallsHttpsAndTrustsOnlyTheCaOfTheCertificateSecret() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().setTls(MemoryServers.qdrantTls("internal-ca", "Issuer"));

        var deployment = dependent.desired(ms, TestConfig.inputs());

        assertThat(container(deployment).getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
                tuple("QDRANT_URL", "https://memory-qdrant:6334"),
                tuple("QDRANT_CA_FILE", "/etc/min-memory/qdrant-tls/ca.crt"));
        var secretVolume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(volume -> volume.getSecret() != null).findFirst().orElseThrow();
        assertThat(secretVolume.getSecret().getSecretName()).isEqualTo("memory-qdrant-tls");
        assertThat(secretVolume.getSecret().getItems()).extracting(item -> item.getKey())
                .as("never the private key").containsExactly("ca.crt");
        assertThat(container(deployment).getVolumeMounts()).extracting(VolumeMount::getMountPath)
                .contains("/etc/min-memory/qdrant-tls");
    }

    @Test
    void withoutQdrantTlsTheServerCallsPlainHttpWithoutACaFile() {
        var deployment = dependent.desired(MemoryServers.auth0("team-a", "memory"), TestConfig.inputs());

        assertThat(container(deployment).getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .contains(tuple("QDRANT_URL", "http://memory-qdrant:6334"))
                .extracting(t -> t.toList().get(0)).doesNotContain("QDRANT_CA_FILE");
    }

    @Test
    void theE5ModelReachesTheServerByTheIdItKnows() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getServer().setEmbeddingModel(EmbeddingModel.E5_SMALL_V2_QUANTIZED);

        var deployment = dependent.desired(ms, TestConfig.inputs());

        assertThat(container(deployment).getEnv()).filteredOn(e -> e.getName().equals("MEMORY_EMBEDDING_MODEL"))
                .extracting(EnvVar::getValue).containsExactly("e5-small-v2-q");
    }

    @Test
    void changingTheAuthConfigurationChangesThePodTemplate() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var before = dependent.desired(ms, TestConfig.inputs());

        ms.getSpec().getAuth().setEnforceScopes(false);

        var after = dependent.desired(ms, TestConfig.inputs());
        assertThat(after.getSpec().getTemplate().getMetadata().getAnnotations())
                .isNotEqualTo(before.getSpec().getTemplate().getMetadata().getAnnotations());
    }

    @Test
    void everyReplicaReadsTheSameSessionKeyFromTheSessionKeySecret() {
        var deployment = dependent.desired(MemoryServers.auth0("team-a", "memory"), TestConfig.inputs());

        var sessionKey = container(deployment).getEnv().stream()
                .filter(e -> e.getName().equals("MEMORY_HTTP_SESSION_KEY")).findFirst().orElseThrow();
        assertThat(sessionKey.getValue()).isNull();
        assertThat(sessionKey.getValueFrom().getSecretKeyRef().getName()).isEqualTo("memory-session-key");
        assertThat(sessionKey.getValueFrom().getSecretKeyRef().getKey())
                .isEqualTo(ServerSessionKeySecretDependentResource.KEY);
    }

    @Test
    void aNewSessionKeyChangesThePodTemplateSoEveryReplicaRollsOntoIt() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var inputs = TestConfig.inputs();
        var before = dependent.desired(ms, inputs);

        var after = dependent.desired(ms, new Inputs(inputs.config(), inputs.qdrantApiKeyDigest(),
                "digest-of-new-session-key", inputs.keptQdrantVolumeSize(), inputs.keptQdrantReplicas()));

        assertThat(after.getSpec().getTemplate()).isNotEqualTo(before.getSpec().getTemplate());
    }

    @Test
    void everyWritablePathIsAVolumeBecauseTheRootFilesystemIsReadOnly() {
        var deployment = dependent.desired(MemoryServers.auth0("team-a", "memory"), TestConfig.inputs());

        assertThat(container(deployment).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container(deployment).getVolumeMounts()).extracting(VolumeMount::getMountPath)
                .containsExactly("/var/lib/min-memory", "/var/cache/djl", "/tmp");
    }

    @Test
    void probesAskTheManagementPortWhichListensOnThePodAddress() {
        var container = container(dependent.desired(MemoryServers.auth0("team-a", "memory"), TestConfig.inputs()));

        for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
                container.getReadinessProbe())) {
            assertThat(probe.getHttpGet().getPath()).startsWith("/q/health/");
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        }
        assertThat(container.getPorts()).filteredOn(port -> "management".equals(port.getName()))
                .extracting(ContainerPort::getContainerPort).containsExactly(Endpoints.MANAGEMENT_PORT);
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .contains(tuple("MANAGEMENT_PORT", "9000"), tuple("QUARKUS_MANAGEMENT_HOST", "0.0.0.0"));
    }

    @Test
    void theSelectorNamesTheApplicationInstanceAndComponentAndSelectsThePodTemplate() {
        var deployment = dependent.desired(MemoryServers.auth0("team-a", "memory"), TestConfig.inputs());

        assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsExactly(
                entry("app.kubernetes.io/name", "min-memory"), entry("app.kubernetes.io/instance", "memory"),
                entry("app.kubernetes.io/component", "server"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void aDeploymentOfAnOlderOperatorWithoutTheNameInItsSelectorIsRecreatedRatherThanUpdated() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var desired = dependent.desired(ms, TestConfig.inputs());
        var old = new DeploymentBuilder(desired).editSpec().editSelector()
                .removeFromMatchLabels("app.kubernetes.io/name").endSelector().endSpec().build();

        assertThat(ServerDeploymentDependentResource.needsRecreation(old, desired)).isTrue();
        assertThat(ServerDeploymentDependentResource.needsRecreation(desired,
                dependent.desired(ms, TestConfig.inputs()))).isFalse();
    }

    @Test
    void aChangeOfReplicasOrImageIsAnUpdateNotARecreation() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var before = dependent.desired(ms, TestConfig.inputs());
        ms.getSpec().getServer().setReplicas(3);
        ms.getSpec().getServer().setImage("ghcr.io/min-memory/memory-server:2.0.0");

        assertThat(ServerDeploymentDependentResource.needsRecreation(before,
                dependent.desired(ms, TestConfig.inputs()))).isFalse();
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
