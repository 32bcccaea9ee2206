package dev.minmemory.operator.dependent;

import java.util.Optional;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;

/** The metrics scraper's namespace, when the spec names one: the only peer that may reach the metrics ports. */
final class MonitoringPeer {

    private MonitoringPeer() {
    }

    static Optional<NetworkPolicyPeer> of(MemoryServer primary) {
        var labels = primary.getSpec().getNetworkPolicy().getMonitoringNamespaceLabels();
        if (labels == null || labels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NetworkPolicyPeerBuilder()
                .withNewNamespaceSelector().withMatchLabels(labels).endNamespaceSelector()
                .build());
    }
}
