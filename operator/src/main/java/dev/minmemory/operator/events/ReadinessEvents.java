package dev.minmemory.operator.events;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.MemoryServerStatus;
import dev.minmemory.operator.status.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;

/** One event each time the Ready condition changes its status or reason, not one per reconciliation. */
public final class ReadinessEvents {

    /** Reasons that need someone to act; the others are the normal way to Ready. */
    static final Set<String> FAILURES = Set.of("InvalidSpec", "ReconcileFailed", "StorageChangeRefused",
            "ProgressDeadlineExceeded", "TlsSecretMissing");

    private ReadinessEvents() {
    }

    public static void onChange(KubernetesClient client, MemoryServer ms, MemoryServerStatus previous,
            MemoryServerStatus next) {
        Optional<Condition> before = ready(previous);
        Optional<Condition> after = ready(next);
        if (after.isEmpty() || (before.isPresent()
                && Objects.equals(before.get().getStatus(), after.get().getStatus())
                && Objects.equals(before.get().getReason(), after.get().getReason()))) {
            return;
        }
        Condition ready = after.get();
        if (FAILURES.contains(ready.getReason())) {
            OperatorEvents.warning(client, ms, ready.getReason(), ready.getMessage());
        } else {
            OperatorEvents.normal(client, ms, ready.getReason(), ready.getMessage());
        }
    }

    private static Optional<Condition> ready(MemoryServerStatus status) {
        return status == null ? Optional.empty() : status.getConditions().stream()
                .filter(condition -> ConditionTypes.READY.equals(condition.getType())).findFirst();
    }
}
