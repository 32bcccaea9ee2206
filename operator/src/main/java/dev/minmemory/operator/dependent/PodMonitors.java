package dev.minmemory.operator.dependent;

import java.util.LinkedHashMap;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitorBuilder;

/** A PodMonitor that scrapes one component's pods of one MemoryServer, in its own namespace. */
final class PodMonitors {

    private PodMonitors() {
    }

    static PodMonitor of(MemoryServer primary, String name, String component, PodMetricsEndpoint endpoint) {
        var spec = primary.getSpec().getMonitoring().getPodMonitor();
        ObjectMeta metadata = Metadata.of(primary, name, component);
        var labels = new LinkedHashMap<>(spec.getLabels());
        labels.putAll(metadata.getLabels());
        metadata.setLabels(labels);
        endpoint.setInterval(spec.getInterval());
        return new PodMonitorBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withNewSelector().withMatchLabels(Labels.selector(primary, component)).endSelector()
                .withPodMetricsEndpoints(endpoint)
                .endSpec()
                .build();
    }
}
