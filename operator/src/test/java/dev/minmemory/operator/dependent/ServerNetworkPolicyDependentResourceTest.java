package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

class ServerNetworkPolicyDependentResourceTest {

    private final ServerNetworkPolicyDependentResource dependent = new ServerNetworkPolicyDependentResource();

    @Test
    void theIngressControllerNamespaceCanBeNamedByItsLabels() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getNetworkPolicy().setIngressControllerNamespaceLabels(Map.of("ingress", "public"));

        assertThat(peer(ms).getNamespaceSelector().getMatchLabels()).isEqualTo(Map.of("ingress", "public"));
    }

    @Test
    void withoutAnIngressOnlyPodsOfTheSameNamespaceMayConnect() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getIngress().setEnabled(false);

        var peer = peer(ms);
        assertThat(peer.getNamespaceSelector()).isNull();
        assertThat(peer.getPodSelector().getMatchLabels()).isEmpty();
    }

    @Test
    void theManagementPortIsClosedUnlessAMonitoringNamespaceIsNamed() {
        var ms = MemoryServers.auth0("team-a", "memory");

        assertThat(ports(ms)).containsExactly(Endpoints.SERVER_PORT);

        ms.getSpec().getNetworkPolicy()
                .setMonitoringNamespaceLabels(Map.of("kubernetes.io/metadata.name", "monitoring"));

        var rules = dependent.desired(ms, TestConfig.inputs()).getSpec().getIngress();
        assertThat(ports(ms)).containsExactly(Endpoints.SERVER_PORT, Endpoints.MANAGEMENT_PORT);
        assertThat(rules.get(1).getFrom()).singleElement().satisfies(peer -> assertThat(
                peer.getNamespaceSelector().getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", "monitoring"));
    }

    @Test
    void qdrantAdmitsTheScraperOnItsHttpPortOnly() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getNetworkPolicy()
                .setMonitoringNamespaceLabels(Map.of("kubernetes.io/metadata.name", "monitoring"));

        var rules = new QdrantNetworkPolicyDependentResource().desired(ms, TestConfig.inputs()).getSpec().getIngress();

        assertThat(rules).last().satisfies(rule -> {
            assertThat(rule.getPorts()).singleElement().satisfies(port -> assertThat(port.getPort().getIntVal())
                    .isEqualTo(QdrantPorts.HTTP));
            assertThat(rule.getFrom().get(0).getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "monitoring");
        });
    }

    private List<Integer> ports(MemoryServer ms) {
        return dependent.desired(ms, TestConfig.inputs()).getSpec().getIngress().stream()
                .flatMap(rule -> rule.getPorts().stream()).map(port -> port.getPort().getIntVal()).toList();
    }

    private NetworkPolicyPeer peer(MemoryServer ms) {
        return dependent.desired(ms, TestConfig.inputs()).getSpec().getIngress().get(0).getFrom().get(0);
    }
}
