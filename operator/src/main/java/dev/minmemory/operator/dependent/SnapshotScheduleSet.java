package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The snapshot CronJob exists only while spec.qdrant.snapshots.schedule is set; unsetting it deletes the CronJob. */
public class SnapshotScheduleSet implements Condition<CronJob, MemoryServer> {

    @Override
    public boolean isMet(DependentResource<CronJob, MemoryServer> dependentResource, MemoryServer primary,
            Context<MemoryServer> context) {
        return primary.getSpec().getQdrant().getSnapshots().getSchedule() != null;
    }
}
