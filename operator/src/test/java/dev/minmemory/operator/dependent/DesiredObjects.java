package dev.minmemory.operator.dependent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;

/** Every object the operator would apply for a MemoryServer, keyed by a file-friendly name. */
final class DesiredObjects {

    static final List<OwnedResource<? extends HasMetadata>> DEPENDENTS = List.of(
            new QdrantApiKeySecretDependentResource(),
            new AuthSecretDependentResource(),
            new QdrantServiceDependentResource(),
            new QdrantHeadlessServiceDependentResource(),
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
            HasMetadata object = dependent.desired(ms, inputs);
            if (switchedOn(object, ms)) {
                objects.put(object.getKind().toLowerCase() + "-" + object.getMetadata().getName(), object);
            }
        }
        return objects;
    }

    private static boolean switchedOn(HasMetadata object, MemoryServer ms) {
        if (object instanceof Ingress) {
            return new IngressEnabled().isMet(null, ms, null);
        }
        if (object instanceof NetworkPolicy) {
            return new NetworkPolicyEnabled().isMet(null, ms, null);
        }
        if (object instanceof HTTPRoute) {
            return new HttpRouteEnabled().isMet(null, ms, null);
        }
        if (object instanceof CronJob) {
            return new SnapshotScheduleSet().isMet(null, ms, null);
        }
        if (object instanceof PodMonitor) {
            return new PodMonitorsEnabled().isMet(null, ms, null);
        }
        return true;
    }
}
