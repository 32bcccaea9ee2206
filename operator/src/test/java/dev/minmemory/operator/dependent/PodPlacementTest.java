package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;

class PodPlacementTest {

    private final MemoryServer ms = MemoryServers.auth0("team-a", "memory");

    @Test
    void serverAndQdrantReplicasSpreadOverNodesByDefault() {
        for (var template : List.of(server(), qdrant())) {
            assertThat(template.getSpec().getTopologySpreadConstraints()).singleElement().satisfies(spread -> {
                assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                assertThat(spread.getMaxSkew()).isEqualTo(1);
                assertThat(spread.getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway");
                assertThat(template.getMetadata().getLabels())
                        .containsAllEntriesOf(spread.getLabelSelector().getMatchLabels());
            });
        }
        assertThat(server().getSpec().getTopologySpreadConstraints().get(0).getLabelSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/component", "server");
    }

    @Test
    void everySchedulingSettingOfTheSpecReachesThePodTemplate() {
        var qdrant = ms.getSpec().getQdrant();
        qdrant.getScheduling().setNodeSelector(Map.of("disktype", "ssd"));
        qdrant.getScheduling().setAffinity(new AffinityBuilder().withNewNodeAffinity().endNodeAffinity().build());
        qdrant.getScheduling().setTolerations(List.of(new TolerationBuilder().withKey("dedicated")
                .withOperator("Equal").withValue("qdrant").withEffect("NoSchedule").build()));
        qdrant.getScheduling().setTopologySpreadConstraints(List.of(new TopologySpreadConstraintBuilder()
                .withTopologyKey("topology.kubernetes.io/zone").withMaxSkew(1).withWhenUnsatisfiable("DoNotSchedule")
                .build()));
        qdrant.getScheduling().setPriorityClassName("platform-critical");
        qdrant.setImagePullSecrets(List.of(new LocalObjectReference("regcred")));

        var pod = qdrant().getSpec();

        assertThat(pod.getNodeSelector()).containsEntry("disktype", "ssd");
        assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
        assertThat(pod.getTolerations()).singleElement().satisfies(t -> assertThat(t.getValue()).isEqualTo("qdrant"));
        assertThat(pod.getTopologySpreadConstraints()).singleElement().satisfies(spread -> {
            assertThat(spread.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
            assertThat(spread.getLabelSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component",
                    "qdrant");
        });
        assertThat(pod.getPriorityClassName()).isEqualTo("platform-critical");
        assertThat(pod.getImagePullSecrets()).containsExactly(new LocalObjectReference("regcred"));
        assertThat(server().getSpec().getNodeSelector()).isNull();
    }

    @Test
    void extraPodLabelsAndAnnotationsAreAddedButCannotReplaceTheOperatorsOwn() {
        var server = ms.getSpec().getServer();
        server.setPodLabels(Map.of("team", "a", "app.kubernetes.io/component", "hijacked"));
        server.setPodAnnotations(Map.of("sidecar.istio.io/inject", "false",
                ServerDeploymentDependentResource.CONFIG_HASH_ANNOTATION, "forged"));

        var metadata = server().getMetadata();

        assertThat(metadata.getLabels()).containsEntry("team", "a").containsEntry("app.kubernetes.io/component",
                "server");
        assertThat(metadata.getAnnotations()).containsEntry("sidecar.istio.io/inject", "false")
                .doesNotContainEntry(ServerDeploymentDependentResource.CONFIG_HASH_ANNOTATION, "forged");
    }

    private PodTemplateSpec server() {
        return new ServerDeploymentDependentResource().desired(ms, TestConfig.inputs()).getSpec().getTemplate();
    }

    private PodTemplateSpec qdrant() {
        return new QdrantStatefulSetDependentResource().desired(ms, TestConfig.inputs()).getSpec().getTemplate();
    }
}
