package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;

class QdrantSnapshotCronJobDependentResourceTest {

    private final QdrantSnapshotCronJobDependentResource dependent = new QdrantSnapshotCronJobDependentResource();

    @Test
    void existsOnlyWithAScheduleAndRunsOnIt() {
        var ms = scheduled();

        assertThat(new SnapshotScheduleSet().isMet(null, MemoryServers.auth0("team-a", "memory"), null)).isFalse();
        assertThat(new SnapshotScheduleSet().isMet(null, ms, null)).isTrue();
        assertThat(dependent.desired(ms, TestConfig.inputs()).getSpec().getSchedule()).isEqualTo("0 3 * * *");
    }

    @Test
    void asksEveryQdrantPodByItsStableNameAndKeepsTheRetainedNumber() {
        var ms = scheduled();
        ms.getSpec().getQdrant().setReplicas(3);
        ms.getSpec().getQdrant().getSnapshots().setRetain(5);

        var env = container(dependent.desired(ms, TestConfig.inputs())).getEnv();

        assertThat(env).extracting(EnvVar::getName, EnvVar::getValue).contains(
                tuple("QDRANT_HOSTS", "memory-qdrant-0.memory-qdrant-headless.team-a.svc "
                        + "memory-qdrant-1.memory-qdrant-headless.team-a.svc "
                        + "memory-qdrant-2.memory-qdrant-headless.team-a.svc"),
                tuple("QDRANT_PORT", "6333"),
                tuple("RETAIN", "5"));
        assertThat(env).filteredOn(e -> e.getName().equals("QDRANT_API_KEY")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName())
                        .isEqualTo("memory-qdrant-api-key"));
    }

    @Test
    void whileAScaleDownIsRefusedThePodsThatStillRunAreSnapshotToo() {
        var inputs = new Inputs(TestConfig.inputs().config(), "digest-of-key", "digest-of-session-key",
                Optional.empty(), Optional.of(2));

        var env = container(dependent.desired(scheduled(), inputs)).getEnv();

        assertThat(env).filteredOn(e -> e.getName().equals("QDRANT_HOSTS")).singleElement()
                .satisfies(e -> assertThat(e.getValue().split(" ")).hasSize(2));
    }

    @Test
    void runsQdrantsOwnImageRestrictedWithoutAServiceAccountToken() {
        var ms = scheduled();
        ms.getSpec().getQdrant().setImage("registry.example.com/qdrant:v1.16.0");

        var cronJob = dependent.desired(ms, TestConfig.inputs());

        var pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        assertThat(container(cronJob).getImage()).isEqualTo("registry.example.com/qdrant:v1.16.0");
        assertThat(container(cronJob).getCommand()).containsExactly("/bin/bash", "-c",
                QdrantSnapshotCronJobDependentResource.SCRIPT);
        assertThat(container(cronJob).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
    }

    @Test
    void itsPodsCarryTheLabelsTheQdrantNetworkPolicyAdmits() {
        var ms = scheduled();
        var cronJob = dependent.desired(ms, TestConfig.inputs());
        var policy = new QdrantNetworkPolicyDependentResource().desired(ms, TestConfig.inputs());

        var podLabels = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels();
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(podLabels).containsAllEntriesOf(rule.getFrom().get(0).getPodSelector().getMatchLabels());
            assertThat(rule.getPorts()).singleElement().satisfies(port -> assertThat(port.getPort().getIntVal())
                    .isEqualTo(6333));
        });
    }

    @Test
    void theNameLeavesRoomForTheJobNamesOfTheLongestMemoryServerName() {
        var ms = MemoryServers.auth0("team-a", "m".repeat(40));
        ms.getSpec().getQdrant().getSnapshots().setSize("20Gi");
        ms.getSpec().getQdrant().getSnapshots().setSchedule("@daily");

        assertThat(dependent.desired(ms, TestConfig.inputs()).getMetadata().getName()).hasSizeLessThanOrEqualTo(52);
    }

    private static MemoryServer scheduled() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().getSnapshots().setSize("20Gi");
        ms.getSpec().getQdrant().getSnapshots().setSchedule("0 3 * * *");
        return ms;
    }

    private static Container container(CronJob cronJob) {
        return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
