package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The embedding models baked into the memory server image. */
public enum EmbeddingModel {
    @JsonProperty("bge-small-en-v1.5-q")
    BGE_SMALL_EN_V15_QUANTIZED("bge-small-en-v1.5-q"),
    @JsonProperty("bge-small-en-v1.5")
    BGE_SMALL_EN_V15("bge-small-en-v1.5"),
    @JsonProperty("e5-small-v2-q")
    E5_SMALL_V2_QUANTIZED("e5-small-v2-q");

    private final String id;

    EmbeddingModel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
