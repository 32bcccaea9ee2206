package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The StatefulSet's governing Service: stable DNS names per pod, which cluster mode uses to bootstrap peers.
 * Not-ready pods are published because peers must find each other before they can become ready.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantHeadlessServiceDependentResource extends UpdatableOwnedResource<Service> {

    public QdrantHeadlessServiceDependentResource() {
        super(Service.class);
    }

    @Override
    public Service desired(MemoryServer primary, Inputs inputs) {
        return new ServiceBuilder()
                .withMetadata(Metadata.of(primary, Names.qdrantHeadless(primary), Labels.COMPONENT_QDRANT))
                .withNewSpec()
                .withClusterIP("None")
                .withPublishNotReadyAddresses(true)
                .withSelector(Labels.selector(primary, Labels.COMPONENT_QDRANT))
                .addNewPort().withName("http").withProtocol("TCP").withPort(QdrantPorts.HTTP)
                .withNewTargetPort("http").endPort()
                .addNewPort().withName("grpc").withProtocol("TCP").withPort(QdrantPorts.GRPC)
                .withNewTargetPort("grpc").endPort()
                .addNewPort().withName("p2p").withProtocol("TCP").withPort(QdrantPorts.P2P)
                .withNewTargetPort("p2p").endPort()
                .endSpec()
                .build();
    }
}
