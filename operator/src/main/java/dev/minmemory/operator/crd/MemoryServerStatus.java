package dev.minmemory.operator.crd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Condition;

public class MemoryServerStatus {

    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("The MCP endpoint clients connect to.")
    private String endpoint;

    @SchemaFrom(type = ConditionSchema[].class)
    @JsonPropertyDescription("Ready, plus one condition per component: QdrantReady, ServerReady, IngressReady, and "
            + "MonitoringReady (not part of Ready).")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryServerStatus other
                && Objects.equals(observedGeneration, other.observedGeneration)
                && Objects.equals(endpoint, other.endpoint)
                && Objects.equals(conditions, other.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observedGeneration, endpoint, conditions);
    }
}
