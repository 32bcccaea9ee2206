package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

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
    void aRefusedScaleDownKeepsTheRunningReplicasInClusterMode() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var kept = new Inputs(TestConfig.inputs().config(), "digest-of-key", "digest-of-session-key", Optional.empty(),
                Optional.of(3));

        var sts = dependent.desired(ms, kept);

        var container = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .contains(tuple("QDRANT__CLUSTER__ENABLED", "true"));
        assertThat(container.getCommand()).isNotEmpty();
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
    void withTlsQdrantServesEveryPortOverTlsFromTheCertificateSecretAndTheProbesUseHttps() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().setReplicas(3);
        ms.getSpec().getQdrant().setTls(MemoryServers.qdrantTls("internal-ca", "Issuer"));

        var sts = dependent.desired(ms, TestConfig.inputs());

        var pod = sts.getSpec().getTemplate().getSpec();
        var container = pod.getContainers().get(0);
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
                tuple("QDRANT__SERVICE__ENABLE_TLS", "true"),
                tuple("QDRANT__TLS__CERT", "/qdrant/tls/tls.crt"),
                tuple("QDRANT__TLS__KEY", "/qdrant/tls/tls.key"),
                tuple("QDRANT__TLS__CA_CERT", "/qdrant/tls/ca.crt"),
                tuple("QDRANT__CLUSTER__P2P__ENABLE_TLS", "true"));
        assertThat(pod.getVolumes()).filteredOn(volume -> volume.getSecret() != null)
                .extracting(volume -> volume.getSecret().getSecretName()).containsExactly("memory-qdrant-tls");
        assertThat(container.getVolumeMounts()).filteredOn(mount -> mount.getMountPath().equals("/qdrant/tls"))
                .singleElement().satisfies(mount -> assertThat(mount.getReadOnly()).isTrue());
        assertThat(List.of(container.getReadinessProbe(), container.getLivenessProbe(), container.getStartupProbe()))
                .extracting(probe -> probe.getHttpGet().getScheme()).containsOnly("HTTPS");
        assertThat(container.getCommand().get(2)).contains("--uri \"https://${POD_NAME}.memory-qdrant-headless")
                .contains("--bootstrap \"https://memory-qdrant-0.").doesNotContain("http://");
    }

    @Test
    void withoutTlsQdrantHasNoTlsSettingsAndTheProbesUseHttp() {
        var sts = dependent.desired(MemoryServers.auth0("team-a", "memory"), TestConfig.inputs());

        var container = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getEnv()).extracting(EnvVar::getName).noneMatch(name -> name.contains("TLS"));
        assertThat(container.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTP");
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
    void podsStartInParallelSoAClusterCanColdStart() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().setReplicas(3);

        assertThat(dependent.desired(ms, TestConfig.inputs()).getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
    }

    @Test
    void aStatefulSetOfAnOlderOperatorWithOrderedReadyIsRecreatedRatherThanUpdated() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var desired = dependent.desired(ms, TestConfig.inputs());
        var old = new StatefulSetBuilder(desired).editSpec().withPodManagementPolicy("OrderedReady").endSpec().build();

        assertThat(StatefulSetRecreation.needed(old, desired)).isTrue();
        assertThat(StatefulSetRecreation.needed(desired, dependent.desired(ms, TestConfig.inputs()))).isFalse();
    }

    @Test
    void theSelectorNamesTheApplicationInstanceAndComponentAndSelectsThePodTemplate() {
        var sts = dependent.desired(MemoryServers.auth0("team-a", "memory"), TestConfig.inputs());

        assertThat(sts.getSpec().getSelector().getMatchLabels()).containsExactly(
                entry("app.kubernetes.io/name", "min-memory"), entry("app.kubernetes.io/instance", "memory"),
                entry("app.kubernetes.io/component", "qdrant"));
        assertThat(sts.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(sts.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void aStatefulSetOfAnOlderOperatorWithoutTheNameInItsSelectorIsRecreatedRatherThanUpdated() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var desired = dependent.desired(ms, TestConfig.inputs());
        var old = new StatefulSetBuilder(desired).editSpec().editSelector()
                .removeFromMatchLabels("app.kubernetes.io/name").endSelector().endSpec().build();

        assertThat(StatefulSetRecreation.needed(old, desired)).isTrue();
    }

    @Test
    void aLargerVolumeChangesTheClaimTemplateWhichNeedsARecreation() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var before = dependent.desired(ms, TestConfig.inputs());
        ms.getSpec().getQdrant().getStorage().setSize("20Gi");

        assertThat(StatefulSetRecreation.needed(before, dependent.desired(ms, TestConfig.inputs()))).isTrue();
    }

    @Test
    void aStoredTemplateWithServerDefaultsAndTheSameSizeInOtherUnitsNeedsNoRecreation() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var desired = dependent.desired(ms, TestConfig.inputs());
        var stored = new StatefulSetBuilder(desired).editSpec().editFirstVolumeClaimTemplate()
                .editSpec().withVolumeMode("Filesystem")
                .editResources().addToRequests("storage", new Quantity("10240Mi")).endResources().endSpec()
                .withNewStatus().withPhase("Pending").endStatus()
                .endVolumeClaimTemplate().endSpec().build();

        assertThat(StatefulSetRecreation.needed(stored, desired)).isFalse();
    }

    @Test
    void aRefusedResizeKeepsTheVolumeSizeTheClaimsHaveSoOtherChangesStillApply() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().getStorage().setSize("5Gi");
        ms.getSpec().getQdrant().setImage("registry.example.com/qdrant:v2");

        var sts = dependent.desired(ms,
                new Inputs(TestConfig.inputs().config(), "digest-of-key", "digest-of-session-key", Optional.of("10Gi"),
                        Optional.empty()));

        assertThat(sts.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests())
                .containsEntry("storage", new Quantity("10Gi"));
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/qdrant:v2");
    }

    @Test
    void snapshotsGoToAVolumeOfTheirOwnWhenTheSpecSizesOneAndToAnEmptyDirOtherwise() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var withoutVolume = dependent.desired(ms, TestConfig.inputs());
        assertThat(withoutVolume.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName())
                .containsExactly("storage");
        assertThat(withoutVolume.getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(v -> assertThat(v.getName()).isEqualTo("snapshots"));

        ms.getSpec().getQdrant().getSnapshots().setSize("20Gi");
        ms.getSpec().getQdrant().getSnapshots().setStorageClassName("backup");
        var sts = dependent.desired(ms, TestConfig.inputs());

        assertThat(sts.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName())
                .containsExactly("storage", "snapshots");
        assertThat(sts.getSpec().getVolumeClaimTemplates().get(1).getSpec().getStorageClassName()).isEqualTo("backup");
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes())
                .noneSatisfy(v -> assertThat(v.getName()).isEqualTo("snapshots"));
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/qdrant/snapshots"));
    }

    @Test
    void aNewApiKeyChangesThePodTemplateSoQdrantRestartsWithIt() {
        var ms = MemoryServers.auth0("team-a", "memory");
        var before = dependent.desired(ms, TestConfig.inputs());
        var after =
                dependent.desired(ms,
                        new Inputs(TestConfig.inputs().config(), "digest-of-new-key", "digest-of-session-key",
                                Optional.empty(),
                                Optional.empty()));

        assertThat(after.getSpec().getTemplate()).isNotEqualTo(before.getSpec().getTemplate());
    }
}
