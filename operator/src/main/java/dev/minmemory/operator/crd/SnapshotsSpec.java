package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Where Qdrant writes snapshots. Without a size they go to an emptyDir and are lost with the pod: download them at
 * once. With a size each pod gets a volume of its own for them, kept like the data volumes; only then may a schedule
 * take them regularly.
 */
@ValidationRule(value = "!has(self.schedule) || has(self.size)", message = SnapshotsSpec.SCHEDULE_NEEDS_VOLUME)
public class SnapshotsSpec {

    public static final String SCHEDULE_NEEDS_VOLUME = "qdrant.snapshots.schedule needs qdrant.snapshots.size: "
            + "scheduled snapshots go to a volume of their own, never to an emptyDir";

    @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$")
    @JsonPropertyDescription("Size of each Qdrant pod's snapshot volume, e.g. 20Gi (about twice the data). Empty: "
            + "snapshots go to an emptyDir.")
    private String size;

    @JsonPropertyDescription("StorageClass of the snapshot volumes. Empty means the cluster default.")
    private String storageClassName;

    @Size(min = 1, max = 100)
    @JsonPropertyDescription("Take a snapshot of every collection on every Qdrant pod on this cron schedule (a "
            + "CronJob, <name>-snapshots), e.g. \"0 3 * * *\" or @daily, in kube-controller-manager's time "
            + "zone (usually UTC). Unset: no scheduled snapshots. Needs size.")
    private String schedule;

    @Min(1)
    @Max(100)
    @Default("7")
    @JsonPropertyDescription("Snapshots kept per collection and pod by the scheduled job; it deletes older ones after "
            + "each new snapshot. Snapshots taken by hand count too.")
    private int retain = 7;

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public String getStorageClassName() {
        return storageClassName;
    }

    public void setStorageClassName(String storageClassName) {
        this.storageClassName = storageClassName;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public int getRetain() {
        return retain;
    }

    public void setRetain(int retain) {
        this.retain = retain;
    }
}
