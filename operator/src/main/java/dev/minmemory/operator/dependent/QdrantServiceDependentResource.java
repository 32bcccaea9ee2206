package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The ClusterIP Service the memory server connects to (gRPC), load-balanced over the Qdrant pods. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantServiceDependentResource extends UpdatableOwnedResource<Service> {

    public QdrantServiceDependentResource() {
        super(Service.class);
    }

    @Override
    public Service desired(MemoryServer primary, Inputs inputs) {
        return new ServiceBuilder()
                .withMetadata(Metadata.of(primary, Names.qdrant(primary), Labels.COMPONENT_QDRANT))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Labels.selector(primary, Labels.COMPONENT_QDRANT))
                .addNewPort().withName("http").withProtocol("TCP").withPort(QdrantPorts.HTTP)
                .withNewTargetPort("http").endPort()
                .addNewPort().withName("grpc").withProtocol("TCP").withPort(QdrantPorts.GRPC)
                .withNewTargetPort("grpc").endPort()
                .endSpec()
                .build();
    }
}
