package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.events.OperatorEvents;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.quarkus.logging.Log;

/**
 * Replaces a workload whose immutable fields (its selector, a StatefulSet's claim templates) must change. It is deleted
 * with {@code propagationPolicy: Orphan}: the garbage collector removes the owner references from what it owns (a
 * StatefulSet's pods, a Deployment's ReplicaSets) instead of deleting them, so they keep running. Once it is gone the
 * next reconciliation creates it again, and its controller adopts the orphans that match the new selector.
 */
final class WorkloadRecreation {

    private WorkloadRecreation() {
    }

    /** Deletes the workload, orphaning what it owns; returns it unchanged, as the workflow still sees it. */
    static <R extends HasMetadata> R orphanAndDelete(R actual, MemoryServer primary, Context<MemoryServer> context,
            String orphans) {
        if (actual.getMetadata().getDeletionTimestamp() != null) {
            // Already deleted, the garbage collector still orphaning: deleting again would only repeat the event.
            return actual;
        }
        Log.infof("Recreating %s/%s to change fields that cannot be updated; its %s stay",
                actual.getMetadata().getNamespace(), OwnedResource.describe(actual), orphans);
        context.getClient().resource(actual).withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
        OperatorEvents.normal(context.getClient(), primary, "Recreating", "Deleted " + OwnedResource.describe(actual)
                + " with its " + orphans + " left running, to create it again with fields that cannot be updated "
                + "in place");
        return actual;
    }
}
