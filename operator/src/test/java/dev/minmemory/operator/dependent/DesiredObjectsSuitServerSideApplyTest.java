package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * With server-side apply the desired object is the whole of what the operator owns: the API server removes any
 * field the operator applied before and omits now, and merges lists by key. Checked here because the test API
 * server cannot apply.
 */
class DesiredObjectsSuitServerSideApplyTest {

    private final MemoryServer ms = cluster();

    @Test
    void everyObjectNamesItsTypeAndPlaceAndNothingTheServerOwns() {
        assertThat(desired()).allSatisfy(object -> {
            assertThat(object.getApiVersion()).isNotBlank();
            assertThat(object.getKind()).isNotBlank();
            assertThat(object.getMetadata().getName()).isNotBlank();
            assertThat(object.getMetadata().getNamespace()).isEqualTo("team-a");
            assertThat(object.getMetadata().getResourceVersion()).isNull();
            assertThat(object.getMetadata().getUid()).isNull();
            assertThat(object.getMetadata().getCreationTimestamp()).isNull();
            assertThat(object.getMetadata().getManagedFields()).isEmpty();
            assertThat(Serialization.asJson(object)).doesNotContain("\"status\"");
        });
    }

    @Test
    void computingTheDesiredStateTwiceGivesTheSameObjects() {
        var first = DesiredObjects.of(ms, TestConfig.inputs());
        var second = DesiredObjects.of(ms, TestConfig.inputs());
        for (String randomKey : List.of("secret-memory-qdrant-api-key", "secret-memory-session-key")) {
            first.remove(randomKey);
            second.remove(randomKey);
        }

        assertThat(Serialization.asYaml(List.copyOf(second.values())))
                .isEqualTo(Serialization.asYaml(List.copyOf(first.values())));
    }

    @Test
    void secretsSetDataBecauseStringDataIsWriteOnlyAndWouldNeverMatch() {
        assertThat(desired()).filteredOn(Secret.class::isInstance).map(Secret.class::cast)
                .isNotEmpty()
                .allSatisfy(secret -> {
                    assertThat(secret.getStringData()).isEmpty();
                    assertThat(secret.getData()).isNotEmpty();
                });
    }

    @Test
    void listsMergedByKeyHaveUniqueKeys() {
        for (PodSpec pod : List.of(desired(StatefulSet.class).getSpec().getTemplate().getSpec(),
                desired(Deployment.class).getSpec().getTemplate().getSpec())) {
            assertUnique(pod.getVolumes(), Volume::getName);
            for (Container container : pod.getContainers()) {
                assertUnique(container.getEnv(), EnvVar::getName);
                assertUnique(container.getPorts(), p -> p.getContainerPort() + "/" + p.getProtocol());
                assertUnique(container.getVolumeMounts(), VolumeMount::getMountPath);
            }
        }
        assertThat(desired()).filteredOn(Service.class::isInstance).map(Service.class::cast)
                .allSatisfy(service -> assertUnique(service.getSpec().getPorts(),
                        p -> p.getPort() + "/" + p.getProtocol()));
    }

    private static <T> void assertUnique(Collection<T> items, Function<T, String> key) {
        assertThat(items.stream().map(key).toList()).doesNotHaveDuplicates();
    }

    private List<HasMetadata> desired() {
        return List.copyOf(DesiredObjects.of(ms, TestConfig.inputs()).values());
    }

    private <T extends HasMetadata> T desired(Class<T> kind) {
        return desired().stream().filter(kind::isInstance).map(kind::cast).findFirst().orElseThrow();
    }

    private static MemoryServer cluster() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().setReplicas(3);
        return ms;
    }
}
