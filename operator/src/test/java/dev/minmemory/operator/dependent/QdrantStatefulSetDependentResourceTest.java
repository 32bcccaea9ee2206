package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;

class QdrantStatefulSetDependentResourceTest {

    private final QdrantStatefulSetDependentResource dependent = new QdrantStatefulSetDependentResource();

    @Test
    void singleReplicaRunsTheImageEntrypointWithoutClusterSettings() {
        var sts = dependent.desired(MemoryServers.auth0("team-a", "memory"), TestConfig.inputs());

        var container = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getCommand()).isEmpty();
        assertThat(container.getEnv()).extracting(EnvVar::getName)
                .containsExactly("QDRANT__SERVICE__API_KEY", "QDRANT__TELEMETRY_DISABLED", "QDRANT_INIT_FILE_PATH");
    }

    @Test
    void severalReplicasBootstrapFromPodZeroThroughTheHeadlessService() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().setReplicas(3);
        ms.getSpec().getQdrant().setReplicationFactor(2);

        var sts = dependent.desired(ms, TestConfig.inputs());

        var container = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
                tuple("QDRANT__CLUSTER__ENABLED", "true"),
                tuple("QDRANT__CLUSTER__P2P__PORT", "6335"),
                tuple("QDRANT__STORAGE__COLLECTION__REPLICATION_FACTOR", "2"));
        assertThat(container.getEnv()).extracting(EnvVar::getName).contains("POD_NAME");
        assertThat(container.getCommand()).containsExactly("/bin/bash", "-c",
                "if [ \"${POD_NAME##*-}\" = \"0\" ]; then exec ./entrypoint.sh "
                        + "--uri \"http://${POD_NAME}.memory-qdrant-headless.team-a.svc:6335\"; "
                        + "else exec ./entrypoint.sh --bootstrap \"http://memory-qdrant-0.memory-qdrant-headless.team-a.svc:6335\" "
                        + "--uri \"http://${POD_NAME}.memory-qdrant-headless.team-a.svc:6335\"; fi");
    }

    @Test
    void volumesAreKeptOnDeletionUnlessTheSpecAsksOtherwise() {
        var ms = MemoryServers.auth0("team-a", "memory");
        assertThat(dependent.desired(ms, TestConfig.inputs()).getSpec().getPersistentVolumeClaimRetentionPolicy()
                .getWhenDeleted()).isEqualTo("Retain");

        ms.getSpec().getQdrant().setDeleteStorageWithResource(true);

        var policy = dependent.desired(ms, TestConfig.inputs()).getSpec().getPersistentVolumeClaimRetentionPolicy();
        assertThat(policy.getWhenDeleted()).isEqualTo("Delete");
        assertThat(policy.getWhenScaled()).isEqualTo("Retain");
    }

    @Test
    void storageSizeClassAndImageComeFromTheSpec() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().getStorage().setSize("50Gi");
        ms.getSpec().getQdrant().getStorage().setStorageClassName("fast-ssd");
        ms.getSpec().getQdrant().setImage("registry.example.com/qdrant:v1");

        var sts = dependent.desired(ms, TestConfig.inputs());

        var claim = sts.getSpec().getVolumeClaimTemplates().get(0).getSpec();
        assertThat(claim.getStorageClassName()).isEqualTo("fast-ssd");
        assertThat(claim.getResources().getRequests()).containsEntry("storage", new Quantity("50Gi"));
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/qdrant:v1");
    }

    @Test
    void aNewApiKeyChangesThePodTemplateSoQdrantRestartsWithIt() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var before = dependent.desired(ms, TestConfig.inputs());
        var after = dependent.desired(ms, new Inputs(TestConfig.inputs().config(), "digest-of-new-key"));

        assertThat(after.getSpec().getTemplate()).isNotEqualTo(before.getSpec().getTemplate());
    }
}
