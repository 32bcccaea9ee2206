package dev.minmemory.operator.status;

import static dev.minmemory.operator.status.ComponentState.notReady;
import static dev.minmemory.operator.status.ComponentState.ready;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import dev.minmemory.operator.crd.IngressSpec;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.dependent.ServedKinds;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;

/**
 * Turns the observed workloads into one state per component. A workload is ready only when its controller has seen
 * the latest spec (observedGeneration), every pod runs the latest template (revisions, updated replicas) and enough
 * of them are ready: GitOps health checks read Ready, so it must not turn True before a change has rolled out.
 */
public final class ComponentChecks {

    private ComponentChecks() {
    }

    /**
     * What keeps Qdrant from starting when its TLS is on: cert-manager missing, or the certificate not issued yet
     * (its pods wait for the Secret). Empty when TLS is off or the certificate is ready.
     *
     * @param certificateServed whether the cluster serves cert-manager.io/v1 Certificate
     * @param certificate the Certificate, read only when the kind is served
     */
    public static Optional<ComponentState> qdrantCertificate(MemoryServer ms, boolean certificateServed,
            Supplier<Optional<GenericKubernetesResource>> certificate) {
        String type = ConditionTypes.QDRANT_READY;
        if (!ms.getSpec().getQdrant().getTls().isEnabled()) {
            return Optional.empty();
        }
        if (!certificateServed) {
            return Optional.of(notReady(type, "CertManagerMissing", "qdrant.tls.enabled is true but the cluster "
                    + "does not serve cert-manager.io/v1 Certificate: install cert-manager; the operator looks again "
                    + "every " + ServedKinds.RECHECK_MISSING.toSeconds() + " s"));
        }
        var current = certificate.get();
        if (current.isEmpty()) {
            return Optional.of(notReady(type, "CertificateNotCreated", "the Certificate for Qdrant's TLS does not "
                    + "exist yet"));
        }
        var ready = certificateCondition(current.get(), "Ready");
        if (ready.isEmpty() || !"True".equals(ready.get().get("status"))) {
            return Optional.of(notReady(type, "CertificateNotReady", "cert-manager has not issued Certificate "
                    + current.get().getMetadata().getName() + " yet" + ready
                            .map(c -> ": " + c.get("reason") + ": " + c.get("message")).orElse("")));
        }
        return Optional.empty();
    }

    /**
     * @param storageRefusal why spec.qdrant.storage was not applied, if it was not
     * @param scaleDownRefusal why spec.qdrant.replicas was not applied, if it was not
     * @param pods the Qdrant pods, read only when they are needed to explain a wait
     */
    public static ComponentState qdrant(MemoryServer ms, Optional<StatefulSet> statefulSet,
            Optional<String> storageRefusal, Optional<String> scaleDownRefusal, Supplier<List<Pod>> pods) {
        String type = ConditionTypes.QDRANT_READY;
        if (statefulSet.isEmpty()) {
            return notReady(type, "NotCreated", "the Qdrant StatefulSet does not exist yet");
        }
        if (storageRefusal.isPresent()) {
            return notReady(type, "StorageChangeRefused", storageRefusal.get());
        }
        if (scaleDownRefusal.isPresent()) {
            return notReady(type, "ScaleDownRefused", scaleDownRefusal.get());
        }
        var sts = statefulSet.get();
        var status = sts.getStatus();
        int wanted = ms.getSpec().getQdrant().getReplicas();
        if (status == null || !seen(sts.getMetadata(), status.getObservedGeneration())) {
            return withPodProblems(notReady(type, "RolloutPending", "the StatefulSet controller has not processed "
                    + "the latest Qdrant spec yet"), pods);
        }
        int readyPods = count(status.getReadyReplicas());
        int updated = count(status.getUpdatedReplicas());
        int existing = count(status.getReplicas());
        String counts = readyPods + "/" + wanted + " Qdrant pods ready";
        boolean revisionsDiffer = status.getUpdateRevision() != null
                && !Objects.equals(status.getCurrentRevision(), status.getUpdateRevision());
        if (updated < wanted || revisionsDiffer) {
            return withPodProblems(notReady(type, "RollingUpdate", counts + ", " + updated + " updated"), pods);
        }
        if (existing > wanted) {
            return notReady(type, "ScalingDown", counts + ", " + existing + " pods still running");
        }
        if (readyPods < wanted) {
            return withPodProblems(notReady(type, "PodsNotReady", counts), pods);
        }
        return ready(type, "PodsReady", counts);
    }

    /** @param pods the server pods, read only when they are needed to explain a wait */
    public static ComponentState server(MemoryServer ms, Optional<Deployment> deployment, Supplier<List<Pod>> pods) {
        String type = ConditionTypes.SERVER_READY;
        if (deployment.isEmpty()) {
            return notReady(type, "NotCreated", "the memory server Deployment does not exist yet");
        }
        var status = deployment.get().getStatus();
        int wanted = ms.getSpec().getServer().getReplicas();
        if (status == null || !seen(deployment.get().getMetadata(), status.getObservedGeneration())) {
            return withPodProblems(notReady(type, "RolloutPending", "the Deployment controller has not processed "
                    + "the latest memory server spec yet"), pods);
        }
        int available = count(status.getAvailableReplicas());
        int updated = count(status.getUpdatedReplicas());
        int existing = count(status.getReplicas());
        String counts = available + "/" + wanted + " memory server pods available";
        var stalled = status.getConditions().stream()
                .filter(c -> "Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason()))
                .findFirst();
        if (stalled.isPresent()) {
            return withPodProblems(
                    notReady(type, "ProgressDeadlineExceeded", counts + ", " + stalled.get().getMessage()),
                    pods);
        }
        if (updated < wanted || existing > updated) {
            return withPodProblems(notReady(type, "RollingUpdate", counts + ", " + updated + " updated, "
                    + existing + " running"), pods);
        }
        if (available < wanted) {
            return withPodProblems(notReady(type, "PodsNotReady", counts), pods);
        }
        return ready(type, "PodsReady", counts);
    }

    public static ComponentState ingress(MemoryServer ms, Optional<Ingress> ingress, String tlsSecret,
            boolean tlsSecretExists) {
        IngressSpec spec = ms.getSpec().getIngress();
        if (!spec.isEnabled()) {
            return ready(ConditionTypes.INGRESS_READY, "Disabled",
                    "no Ingress requested; the endpoint is reachable inside the cluster only");
        }
        if (ingress.isEmpty()) {
            return notReady(ConditionTypes.INGRESS_READY, "NotCreated", "the Ingress does not exist yet");
        }
        if (!tlsSecretExists) {
            String issuer = spec.getTls().getClusterIssuer();
            return issuer != null
                    ? notReady(ConditionTypes.INGRESS_READY, "CertificatePending", "waiting for cert-manager "
                            + "ClusterIssuer " + issuer + " to issue Secret " + tlsSecret)
                    : notReady(ConditionTypes.INGRESS_READY, "TlsSecretMissing",
                            "TLS Secret " + tlsSecret + " does not exist in this namespace");
        }
        if (loadBalancers(ingress.get()).isEmpty()) {
            return notReady(ConditionTypes.INGRESS_READY, "AddressPending",
                    "the ingress controller has not assigned an address to " + spec.getHost() + " yet");
        }
        return ready(ConditionTypes.INGRESS_READY, "Serving", "https://" + spec.getHost() + " is served with TLS");
    }

    /**
     * The Gateway API entry point, reported as IngressReady: ready once every Gateway that answered has accepted the
     * route and resolved its backend.
     *
     * @param served whether the cluster serves gateway.networking.k8s.io/v1 HTTPRoute
     */
    public static ComponentState httpRoute(MemoryServer ms, Optional<HTTPRoute> route, boolean served) {
        String type = ConditionTypes.INGRESS_READY;
        if (!served) {
            return notReady(type, "GatewayApiMissing", "httpRoute.enabled is true but the cluster does not serve "
                    + "gateway.networking.k8s.io/v1 HTTPRoute: install the Gateway API CRDs and a Gateway controller; "
                    + "the operator looks again every " + ServedKinds.RECHECK_MISSING.toSeconds() + " s");
        }
        if (route.isEmpty()) {
            return notReady(type, "NotCreated", "the HTTPRoute does not exist yet");
        }
        var parents = route.get().getStatus() == null || route.get().getStatus().getParents() == null
                ? List.<RouteParentStatus>of()
                : route.get().getStatus().getParents();
        if (parents.isEmpty()) {
            return notReady(type, "RoutePending", "no Gateway has reported on the HTTPRoute yet");
        }
        for (var parent : parents) {
            String gateway = parent.getParentRef() == null ? "a Gateway" : "Gateway " + parent.getParentRef().getName();
            for (String required : List.of("Accepted", "ResolvedRefs")) {
                var condition = parentCondition(parent, required);
                if (condition.isEmpty() || !"True".equals(condition.get().getStatus())) {
                    return notReady(type, "Route" + required.replace("Accepted", "NotAccepted")
                            .replace("ResolvedRefs", "RefsUnresolved"), gateway + ": "
                                    + condition
                                            .map(c -> c.getReason() + ": " + c.getMessage())
                                            .orElse(required + " not reported yet"));
                }
            }
        }
        String host = ms.getSpec().getHttpRoute().getHostname();
        return ready(type, "Serving", "https://" + host + " is routed by " + parents.size() + " Gateway(s)");
    }

    private static Optional<Condition> parentCondition(RouteParentStatus parent, String type) {
        return parent.getConditions() == null ? Optional.empty()
                : parent.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** @param podMonitorServed whether the cluster serves monitoring.coreos.com/v1 PodMonitor */
    public static ComponentState monitoring(MemoryServer ms, boolean podMonitorServed) {
        String type = ConditionTypes.MONITORING_READY;
        if (!ms.getSpec().getMonitoring().getPodMonitor().isEnabled()) {
            return ready(type, "Disabled", "no PodMonitors requested");
        }
        if (!podMonitorServed) {
            return notReady(type, "PrometheusOperatorMissing", "spec.monitoring.podMonitor.enabled is true but the "
                    + "cluster does not serve monitoring.coreos.com/v1 PodMonitor: install prometheus-operator's CRDs; "
                    + "the operator looks again every " + ServedKinds.RECHECK_MISSING.toSeconds() + " s");
        }
        return ready(type, "PodMonitorsCreated", "Prometheus scrapes the server and Qdrant through PodMonitors");
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> certificateCondition(GenericKubernetesResource certificate,
            String type) {
        if (!(certificate.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
                || !(status.get("conditions") instanceof List<?> conditions)) {
            return Optional.empty();
        }
        return conditions.stream().filter(Map.class::isInstance).map(c -> (Map<String, Object>) c)
                .filter(c -> type.equals(c.get("type"))).findFirst();
    }

    private static ComponentState withPodProblems(ComponentState state, Supplier<List<Pod>> pods) {
        return PodProblems.describe(pods.get())
                .map(problems -> notReady(state.type(), state.reason(), state.message() + "; " + problems))
                .orElse(state);
    }

    private static boolean seen(ObjectMeta metadata, Long observedGeneration) {
        Long generation = metadata == null ? null : metadata.getGeneration();
        return generation == null || (observedGeneration != null && observedGeneration >= generation);
    }

    private static int count(Integer replicas) {
        return replicas == null ? 0 : replicas;
    }

    private static List<IngressLoadBalancerIngress> loadBalancers(Ingress ingress) {
        if (ingress.getStatus() == null || ingress.getStatus().getLoadBalancer() == null
                || ingress.getStatus().getLoadBalancer().getIngress() == null) {
            return List.of();
        }
        return ingress.getStatus().getLoadBalancer().getIngress();
    }
}
