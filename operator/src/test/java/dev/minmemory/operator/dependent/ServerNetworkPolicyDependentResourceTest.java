package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

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

    private NetworkPolicyPeer peer(MemoryServer ms) {
        return dependent.desired(ms, TestConfig.inputs()).getSpec().getIngress().get(0).getFrom().get(0);
    }
}
