package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

// Volumes cannot move to another class; a larger size expands them (see QdrantVolumes), a smaller one is refused.
@ValidationRule(value = "has(self.storageClassName) == has(oldSelf.storageClassName)"
        + " && (!has(self.storageClassName) || self.storageClassName == oldSelf.storageClassName)",
        message = "qdrant.storage.storageClassName cannot be changed after creation: the volumes cannot move to "
                + "another StorageClass")
public class StorageSpec {

    @Default("10Gi")
    @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$")
    @JsonPropertyDescription("Size of each Qdrant volume, e.g. 10Gi. May grow later if the StorageClass allows volume "
            + "expansion: the operator expands the existing claims. It never shrinks.")
    private String size = "10Gi";

    @JsonPropertyDescription("StorageClass of the Qdrant volumes. Empty means the cluster default. Immutable.")
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
