package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.SecretKeySelectorBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpointBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Prometheus scrapes every Qdrant pod's /metrics. Qdrant asks for its API key there too; it accepts the key as a
 * bearer token, which prometheus-operator reads from the key Secret (same namespace). With TLS it scrapes over
 * HTTPS, trusting the CA of Qdrant's certificate Secret.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantPodMonitorDependentResource extends UpdatableOwnedResource<PodMonitor> {

    public QdrantPodMonitorDependentResource() {
        super(PodMonitor.class);
    }

    @Override
    public PodMonitor desired(MemoryServer primary, Inputs inputs) {
        var endpoint = new PodMetricsEndpointBuilder().withPort("http").withPath("/metrics")
                .withNewAuthorization().withType("Bearer").withCredentials(new SecretKeySelectorBuilder()
                        .withName(Names.qdrantApiKeySecret(primary))
                        .withKey(QdrantApiKeySecretDependentResource.KEY).build())
                .endAuthorization();
        if (QdrantTls.enabled(primary)) {
            // Prometheus scrapes pod IPs, which the certificate does not name: it checks the Service's name instead.
            endpoint.withScheme("https").withNewTlsConfig()
                    .withNewCa().withSecret(new SecretKeySelectorBuilder().withName(Names.qdrantTlsSecret(primary))
                            .withKey(QdrantTls.CA_KEY).build())
                    .endCa()
                    .withServerName(Names.qdrant(primary))
                    .endTlsConfig();
        }
        return PodMonitors.of(primary, Names.qdrant(primary), Labels.COMPONENT_QDRANT, endpoint.build());
    }
}
