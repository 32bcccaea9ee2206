package dev.minmemory.operator.dependent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Every object the operator would apply for a MemoryServer, keyed by a file-friendly name. */
final class DesiredObjects {

    static final List<DesiredState<? extends HasMetadata>> DEPENDENTS = List.of(
            new QdrantApiKeySecretDependentResource(),
            new AuthSecretDependentResource(),
            new ServerSessionKeySecretDependentResource(),
            new QdrantServiceDependentResource(),
            new QdrantHeadlessServiceDependentResource(),
            new QdrantCertificateDependentResource(),
            new QdrantStatefulSetDependentResource(),
            new QdrantSnapshotCronJobDependentResource(),
            new ServerServiceDependentResource(),
            new ServerDeploymentDependentResource(),
            new IngressDependentResource(),
            new HttpRouteDependentResource(),
            new QdrantNetworkPolicyDependentResource(),
            new ServerNetworkPolicyDependentResource(),
            new QdrantPodDisruptionBudgetDependentResource(),
            new ServerPodDisruptionBudgetDependentResource(),
            new ServerPodMonitorDependentResource(),
            new QdrantPodMonitorDependentResource());

    private DesiredObjects() {
    }

    /** Only the objects the workflow would reconcile: its preconditions leave out switched-off components. */
    static Map<String, HasMetadata> of(MemoryServer ms, Inputs inputs) {
        var objects = new LinkedHashMap<String, HasMetadata>();
        for (var dependent : DEPENDENTS) {
            if (switchedOn(dependent, ms)) {
                HasMetadata object = dependent.desired(ms, inputs);
                objects.put(object.getKind().toLowerCase() + "-" + object.getMetadata().getName(), object);
            }
        }
        return objects;
    }

    private static boolean switchedOn(DesiredState<? extends HasMetadata> dependent, MemoryServer ms) {
        if (dependent instanceof IngressDependentResource) {
            return new IngressEnabled().isMet(null, ms, null);
        }
        if (dependent instanceof QdrantNetworkPolicyDependentResource
                || dependent instanceof ServerNetworkPolicyDependentResource) {
            return new NetworkPolicyEnabled().isMet(null, ms, null);
        }
        if (dependent instanceof HttpRouteDependentResource) {
            return new HttpRouteEnabled().isMet(null, ms, null);
        }
        if (dependent instanceof QdrantSnapshotCronJobDependentResource) {
            return new SnapshotScheduleSet().isMet(null, ms, null);
        }
        if (dependent instanceof QdrantPodMonitorDependentResource
                || dependent instanceof ServerPodMonitorDependentResource) {
            return new PodMonitorsEnabled().isMet(null, ms, null);
        }
        if (dependent instanceof QdrantCertificateDependentResource) {
            return new QdrantTlsEnabled().isMet(null, ms, null);
        }
        return true;
    }
}
