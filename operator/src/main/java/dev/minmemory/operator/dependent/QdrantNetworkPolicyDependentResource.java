package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Qdrant accepts its API ports only from this instance's server pods, its p2p port only from its peers, its HTTP
 * port from this instance's snapshot job and (metrics) from the monitoring namespace if one is set.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantNetworkPolicyDependentResource extends UpdatableOwnedResource<NetworkPolicy> {

    public QdrantNetworkPolicyDependentResource() {
        super(NetworkPolicy.class);
    }

    @Override
    public NetworkPolicy desired(MemoryServer primary, Inputs inputs) {
        var policy = new NetworkPolicyBuilder()
                .withMetadata(Metadata.of(primary, Names.qdrant(primary), Labels.COMPONENT_QDRANT))
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(Labels.selector(primary, Labels.COMPONENT_QDRANT))
                .endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress()
                .addNewFrom().withNewPodSelector()
                .withMatchLabels(Labels.selector(primary, Labels.COMPONENT_SERVER)).endPodSelector().endFrom()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(QdrantPorts.HTTP)).endPort()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(QdrantPorts.GRPC)).endPort()
                .endIngress()
                .addNewIngress()
                .addNewFrom().withNewPodSelector()
                .withMatchLabels(Labels.selector(primary, Labels.COMPONENT_QDRANT)).endPodSelector().endFrom()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(QdrantPorts.P2P)).endPort()
                .endIngress()
                .addNewIngress()
                .addNewFrom().withNewPodSelector()
                .withMatchLabels(Labels.selector(primary, Labels.COMPONENT_QDRANT_SNAPSHOTS)).endPodSelector().endFrom()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(QdrantPorts.HTTP)).endPort()
                .endIngress()
                .endSpec()
                .build();
        MonitoringPeer.of(primary)
                .ifPresent(scraper -> policy.getSpec().getIngress().add(new NetworkPolicyIngressRuleBuilder()
                        .withFrom(scraper)
                        .addNewPort().withProtocol("TCP").withPort(new IntOrString(QdrantPorts.HTTP)).endPort()
                        .build()));
        return policy;
    }
}
