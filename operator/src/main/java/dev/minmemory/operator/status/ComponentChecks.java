package dev.minmemory.operator.status;

import static dev.minmemory.operator.status.ComponentState.notReady;
import static dev.minmemory.operator.status.ComponentState.ready;

import java.util.List;
import java.util.Optional;

import dev.minmemory.operator.crd.IngressSpec;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;

/** Turns the observed workloads into one state per component. */
public final class ComponentChecks {

    private ComponentChecks() {
    }

    public static ComponentState qdrant(MemoryServer ms, Optional<StatefulSet> statefulSet) {
        int wanted = ms.getSpec().getQdrant().getReplicas();
        if (statefulSet.isEmpty()) {
            return notReady(ConditionTypes.QDRANT_READY, "NotCreated", "the Qdrant StatefulSet does not exist yet");
        }
        var status = statefulSet.get().getStatus();
        int readyPods = status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
        int updated = status == null || status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
        String counts = readyPods + "/" + wanted + " Qdrant pods ready";
        if (readyPods < wanted) {
            return notReady(ConditionTypes.QDRANT_READY, "PodsNotReady", counts);
        }
        if (updated < wanted) {
            return notReady(ConditionTypes.QDRANT_READY, "RollingUpdate", counts + ", " + updated + " updated");
        }
        return ready(ConditionTypes.QDRANT_READY, "PodsReady", counts);
    }

    public static ComponentState server(MemoryServer ms, Optional<Deployment> deployment) {
        int wanted = ms.getSpec().getServer().getReplicas();
        if (deployment.isEmpty()) {
            return notReady(ConditionTypes.SERVER_READY, "NotCreated",
                    "the memory server Deployment does not exist yet");
        }
        var status = deployment.get().getStatus();
        int available = status == null || status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
        int updated = status == null || status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
        String counts = available + "/" + wanted + " memory server pods available";
        if (available < wanted) {
            return notReady(ConditionTypes.SERVER_READY, "PodsNotReady", counts);
        }
        if (updated < wanted) {
            return notReady(ConditionTypes.SERVER_READY, "RollingUpdate", counts + ", " + updated + " updated");
        }
        return ready(ConditionTypes.SERVER_READY, "PodsReady", counts);
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

    private static List<IngressLoadBalancerIngress> loadBalancers(Ingress ingress) {
        if (ingress.getStatus() == null || ingress.getStatus().getLoadBalancer() == null
                || ingress.getStatus().getLoadBalancer().getIngress() == null) {
            return List.of();
        }
        return ingress.getStatus().getLoadBalancer().getIngress();
    }
}
