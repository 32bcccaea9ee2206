package dev.minmemory.operator.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.MemoryServerStatus;
import dev.minmemory.operator.status.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * One event each time the Ready condition, or MonitoringReady (which Ready does not include), changes its status or
 * reason, not one per reconciliation.
 */
public final class ReadinessEvents {

    /** Reasons that need someone to act; the others are the normal way to Ready. */
    static final Set<String> FAILURES =
            Set.of("InvalidSpec", "ReconcileFailed", "StorageChangeRefused", "ScaleDownRefused",
                    "ProgressDeadlineExceeded", "TlsSecretMissing", "PrometheusOperatorMissing", "GatewayApiMissing",
                    "RouteNotAccepted",
                    "RouteRefsUnresolved");
    private static final List<String> REPORTED = List.of(ConditionTypes.READY, ConditionTypes.MONITORING_READY);
    /** Monitoring switched off is the default, not news. */
    private static final String MONITORING_DISABLED = "Disabled";

    private ReadinessEvents() {
    }

    public static void onChange(KubernetesClient client, MemoryServer ms, MemoryServerStatus previous,
            MemoryServerStatus next) {
        for (String type : REPORTED) {
            Optional<Condition> before = find(previous, type);
            Optional<Condition> after = find(next, type);
            if (after.isEmpty() || (before.isPresent()
                    && Objects.equals(before.get().getStatus(), after.get().getStatus())
                    && Objects.equals(before.get().getReason(), after.get().getReason()))) {
                continue;
            }
            Condition condition = after.get();
            if (ConditionTypes.MONITORING_READY.equals(type) && MONITORING_DISABLED.equals(condition.getReason())) {
                continue;
            }
            if (FAILURES.contains(condition.getReason())) {
                OperatorEvents.warning(client, ms, condition.getReason(), condition.getMessage());
            } else {
                OperatorEvents.normal(client, ms, condition.getReason(), condition.getMessage());
            }
        }
    }

    private static Optional<Condition> find(MemoryServerStatus status, String type) {
        return status == null ? Optional.empty() : status.getConditions().stream()
                .filter(condition -> type.equals(condition.getType())).findFirst();
    }
}
