package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

// StatefulSet volume claim templates cannot be changed in place, so neither can this.
@ValidationRule(value = "self == oldSelf",
        message = "qdrant.storage cannot be changed after creation; resize the PersistentVolumeClaims directly")
public class StorageSpec {

    @Default("10Gi")
    @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$")
    @JsonPropertyDescription("Size of each Qdrant volume, e.g. 10Gi.")
    private String size = "10Gi";

    @JsonPropertyDescription("StorageClass of the Qdrant volumes. Empty means the cluster default.")
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
