package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

public class ServerSpec extends WorkloadSpec {

    @JsonPropertyDescription("Memory server image. Defaults to the image this operator release was built with.")
    private String image;

    @Min(1)
    @Max(20)
    @Default("1")
    @JsonPropertyDescription("Number of memory server pods. Any pod serves any MCP session: they share the "
            + "session signing key <name>-session-key.")
    private int replicas = 1;

    @Default("bge-small-en-v1.5-q")
    @ValidationRule(value = "self == oldSelf", message = "server.embeddingModel cannot be changed in place: the stored "
            + "vectors belong to the old model. Create a new MemoryServer with the new model and move the memories "
            + "with export and import (see DEPLOYMENT_RUNBOOK.md)")
    @JsonPropertyDescription("Embedding model: bge-small-en-v1.5-q (int8, default), bge-small-en-v1.5 (fp32) or "
            + "e5-small-v2-q (int8). Immutable: vectors of two models cannot share a collection. The embedding scheme "
            + "is not set here: the server keeps the one recorded in the collection.")
    private EmbeddingModel embeddingModel = EmbeddingModel.BGE_SMALL_EN_V15_QUANTIZED;

    @JsonPropertyDescription("CPU and memory of the server container. Defaults suit the int8 model.")
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

    public EmbeddingModel getEmbeddingModel() {
        return embeddingModel;
    }

    public void setEmbeddingModel(EmbeddingModel embeddingModel) {
        this.embeddingModel = embeddingModel;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }
}
