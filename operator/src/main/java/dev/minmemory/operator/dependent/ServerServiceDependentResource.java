package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The memory server's Service, the Ingress backend. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class ServerServiceDependentResource extends UpdatableOwnedResource<Service> {

    public ServerServiceDependentResource() {
        super(Service.class);
    }

    @Override
    public Service desired(MemoryServer primary, Inputs inputs) {
        return new ServiceBuilder()
                .withMetadata(Metadata.of(primary, Names.server(primary), Labels.COMPONENT_SERVER))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Labels.selector(primary, Labels.COMPONENT_SERVER))
                .addNewPort().withName("http").withProtocol("TCP").withPort(Endpoints.SERVER_PORT)
                .withNewTargetPort("http").endPort()
                .endSpec()
                .build();
    }
}
