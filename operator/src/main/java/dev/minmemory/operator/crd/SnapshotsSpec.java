package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;

/**
 * Where Qdrant writes snapshots. Without a size they go to an emptyDir and are lost with the pod: download them at
 * once. With a size each pod gets a volume of its own for them, kept like the data volumes.
 */
public class SnapshotsSpec {

    @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$")
    @JsonPropertyDescription("Size of each Qdrant pod's snapshot volume, e.g. 20Gi (about twice the data). Empty: "
            + "snapshots go to an emptyDir.")
    private String size;

    @JsonPropertyDescription("StorageClass of the snapshot volumes. Empty means the cluster default.")
    private String storageClassName;

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
}
