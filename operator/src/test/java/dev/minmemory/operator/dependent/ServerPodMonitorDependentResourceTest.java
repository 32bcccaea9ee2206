package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;

class ServerPodMonitorDependentResourceTest {

    private final ServerPodMonitorDependentResource dependent = new ServerPodMonitorDependentResource();

    @Test
    void prometheusScrapesTheManagementPortOfThisInstancesServerPodsOnly() {
        var ms = MemoryServers.auth0("team-a", "memory");

        var monitor = dependent.desired(ms, TestConfig.inputs());

        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getName()).isEqualTo("memory-server");
        assertThat(monitor.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Labels.selector(ms, Labels.COMPONENT_SERVER));
        var endpoint = monitor.getSpec().getPodMetricsEndpoints().get(0);
        assertThat(endpoint.getPort()).isEqualTo("management");
        assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
        assertThat(endpoint.getInterval()).isEqualTo("30s");
    }

    @Test
    void extraLabelsLetPrometheusSelectItButCannotReplaceTheOperatorsOwn() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getMonitoring().getPodMonitor().setLabels(Map.of("release", "kube-prometheus-stack",
                Labels.MANAGED_BY, "someone-else"));
        ms.getSpec().getMonitoring().getPodMonitor().setInterval("1m");

        var monitor = dependent.desired(ms, TestConfig.inputs());

        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack")
                .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR);
        assertThat(monitor.getSpec().getPodMetricsEndpoints().get(0).getInterval()).isEqualTo("1m");
    }
}
