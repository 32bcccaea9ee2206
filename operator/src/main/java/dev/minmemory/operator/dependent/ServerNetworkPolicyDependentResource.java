package dev.minmemory.operator.dependent;

import java.util.ArrayList;
import java.util.Map;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The server accepts MCP traffic only from the namespace of the ingress controller or the Gateway's data plane, or,
 * without either, only from pods of its own namespace; its management port (health, metrics) only from the monitoring namespace, if one is set.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class ServerNetworkPolicyDependentResource extends UpdatableOwnedResource<NetworkPolicy> {

    static final Map<String, String> DEFAULT_INGRESS_NAMESPACE = Map.of("kubernetes.io/metadata.name", "ingress-nginx");

    public ServerNetworkPolicyDependentResource() {
        super(NetworkPolicy.class);
    }

    @Override
    public NetworkPolicy desired(MemoryServer primary, Inputs inputs) {
        var rules = new ArrayList<NetworkPolicyIngressRule>();
        rules.add(rule(allowedPeer(primary), Endpoints.SERVER_PORT));
        MonitoringPeer.of(primary).ifPresent(scraper -> rules.add(rule(scraper, Endpoints.MANAGEMENT_PORT)));
        return new NetworkPolicyBuilder()
                .withMetadata(Metadata.of(primary, Names.server(primary), Labels.COMPONENT_SERVER))
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(Labels.selector(primary, Labels.COMPONENT_SERVER))
                .endPodSelector()
                .withPolicyTypes("Ingress")
                .withIngress(rules)
                .endSpec()
                .build();
    }

    private static NetworkPolicyIngressRule rule(NetworkPolicyPeer from, int port) {
        return new NetworkPolicyIngressRuleBuilder()
                .withFrom(from)
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(port)).endPort()
                .build();
    }

    private static NetworkPolicyPeer allowedPeer(MemoryServer primary) {
        if (!primary.getSpec().getIngress().isEnabled() && !primary.getSpec().getHttpRoute().isEnabled()) {
            return new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelectorBuilder().build()).build();
        }
        var labels = primary.getSpec().getNetworkPolicy().getIngressControllerNamespaceLabels();
        return new NetworkPolicyPeerBuilder()
                .withNewNamespaceSelector()
                .withMatchLabels(labels.isEmpty() ? DEFAULT_INGRESS_NAMESPACE : labels)
                .endNamespaceSelector()
                .build();
    }
}
