package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

@ValidationRule(value = "self.replicationFactor <= self.replicas",
        message = "qdrant.replicationFactor cannot exceed qdrant.replicas: every copy of a shard needs its own Qdrant pod")
@ValidationRule(value = "!has(self.tls) || !self.tls.enabled || !has(self.snapshots) || !has(self.snapshots.schedule)",
        message = QdrantSpec.TLS_WITHOUT_SCHEDULE)
public class QdrantSpec extends WorkloadSpec {

    /** The snapshot job talks plain HTTP to Qdrant (bash's /dev/tcp, no TLS client in the image). */
    public static final String TLS_WITHOUT_SCHEDULE = "qdrant.snapshots.schedule cannot be combined with "
            + "qdrant.tls.enabled: the scheduled snapshot job speaks plain HTTP; take snapshots through the "
            + "REST API with curl --cacert instead";

    @JsonPropertyDescription("Qdrant image. Defaults to the version this operator release was tested with.")
    private String image;

    @Min(1)
    @Max(15)
    @Default("1")
    @JsonPropertyDescription("Number of Qdrant pods. More than one runs Qdrant in cluster mode.")
    private int replicas = 1;

    @Min(1)
    @Max(15)
    @Default("1")
    @JsonPropertyDescription("Copies of each shard kept by Qdrant for new collections (cluster mode only).")
    private int replicationFactor = 1;

    @Default("{}")
    @JsonPropertyDescription("Persistent storage of each Qdrant pod.")
    private StorageSpec storage = new StorageSpec();

    @Default("{}")
    @JsonPropertyDescription("Where Qdrant writes snapshots (backups): a volume of their own per pod, or an emptyDir.")
    private SnapshotsSpec snapshots = new SnapshotsSpec();

    @Default("false")
    @JsonPropertyDescription("Also delete Qdrant's PersistentVolumeClaims when the MemoryServer is deleted. "
            + "By default they are kept so that the memories survive.")
    private boolean deleteStorageWithResource;

    @Default("{}")
    @JsonPropertyDescription("TLS for Qdrant's ports with a cert-manager certificate (off by default).")
    private QdrantTlsSpec tls = new QdrantTlsSpec();

    @JsonPropertyDescription("CPU and memory of the Qdrant container.")
    private ResourceRequirements resources;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public int getReplicas() {
        return replicas;
    }

    public void setReplicas(int replicas) {
        this.replicas = replicas;
    }

    public int getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(int replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public StorageSpec getStorage() {
        return storage;
    }

    public void setStorage(StorageSpec storage) {
        this.storage = storage;
    }

    public SnapshotsSpec getSnapshots() {
        return snapshots;
    }

    public void setSnapshots(SnapshotsSpec snapshots) {
        this.snapshots = snapshots;
    }

    public boolean isDeleteStorageWithResource() {
        return deleteStorageWithResource;
    }

    public void setDeleteStorageWithResource(boolean deleteStorageWithResource) {
        this.deleteStorageWithResource = deleteStorageWithResource;
    }

    public QdrantTlsSpec getTls() {
        return tls;
    }

    public void setTls(QdrantTlsSpec tls) {
        this.tls = tls;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }
}
