package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpointBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Prometheus scrapes the server's metrics on its management port, which no Service and no Ingress exposes. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class ServerPodMonitorDependentResource extends UpdatableOwnedResource<PodMonitor> {

    public ServerPodMonitorDependentResource() {
        super(PodMonitor.class);
    }

    @Override
    public PodMonitor desired(MemoryServer primary, Inputs inputs) {
        return PodMonitors.of(primary, Names.server(primary), Labels.COMPONENT_SERVER,
                new PodMetricsEndpointBuilder().withPort("management").withPath("/q/metrics").build());
    }
}
