package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.SecretKeySelectorBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpointBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Prometheus scrapes every Qdrant pod's /metrics. Qdrant asks for its API key there too; it accepts the key as a
 * bearer token, which prometheus-operator reads from the key Secret (same namespace).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantPodMonitorDependentResource extends UpdatableOwnedResource<PodMonitor> {

    public QdrantPodMonitorDependentResource() {
        super(PodMonitor.class);
    }

    @Override
    public PodMonitor desired(MemoryServer primary, Inputs inputs) {
        return PodMonitors.of(primary, Names.qdrant(primary), Labels.COMPONENT_QDRANT,
                new PodMetricsEndpointBuilder().withPort("http").withPath("/metrics")
                        .withNewAuthorization().withType("Bearer").withCredentials(new SecretKeySelectorBuilder()
                                .withName(Names.qdrantApiKeySecret(primary))
                                .withKey(QdrantApiKeySecretDependentResource.KEY).build())
                        .endAuthorization()
                        .build());
    }
}
