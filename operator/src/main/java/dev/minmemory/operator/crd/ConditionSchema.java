package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * The schema of one status condition, with the validations of Kubernetes' metav1.Condition, which fabric8's
 * Condition model lacks. Only the CRD generator reads it; the operator works with fabric8's Condition.
 */
public class ConditionSchema {

    public enum Status {
        @JsonProperty("True")
        TRUE,
        @JsonProperty("False")
        FALSE,
        @JsonProperty("Unknown")
        UNKNOWN
    }

    @Required
    @Size(max = 316)
    @Pattern("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$")
    @JsonPropertyDescription("Type of condition in CamelCase: Ready, QdrantReady, ServerReady, IngressReady, "
            + "MonitoringReady.")
    public String type;

    @Required
    @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
    public Status status;

    @Min(0)
    @JsonPropertyDescription("The metadata.generation the condition was set for.")
    public Long observedGeneration;

    @Required
    @JsonPropertyDescription("When the condition last changed from one status to another (RFC 3339).")
    public String lastTransitionTime;

    @Required
    @Size(min = 1, max = 1024)
    @Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")
    @JsonPropertyDescription("Machine-readable CamelCase reason for the last transition.")
    public String reason;

    @Required
    @Size(max = 32768)
    @JsonPropertyDescription("Human-readable details of the transition; may be empty.")
    public String message;
}
