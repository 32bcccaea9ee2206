package dev.minmemory.operator.crd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.LocalObjectReference;

/** What the server's and Qdrant's pods have in common: placement, pull secrets, extra labels and annotations. */
public abstract class WorkloadSpec {

    @Default("{}")
    @JsonPropertyDescription("Where the pods may run: nodeSelector, affinity, tolerations, topologySpreadConstraints, "
            + "priorityClassName.")
    private SchedulingSpec scheduling = new SchedulingSpec();

    @JsonPropertyDescription("Secrets for pulling the image from a private registry, e.g. [{name: regcred}].")
    private List<LocalObjectReference> imagePullSecrets = new ArrayList<>();

    @JsonPropertyDescription("Extra labels on the pods. The operator's own app.kubernetes.io labels take precedence.")
    private Map<String, String> podLabels = new LinkedHashMap<>();

    @JsonPropertyDescription("Extra annotations on the pods. The operator's own minmemory.dev annotations take "
            + "precedence.")
    private Map<String, String> podAnnotations = new LinkedHashMap<>();

    public SchedulingSpec getScheduling() {
        return scheduling;
    }

    public void setScheduling(SchedulingSpec scheduling) {
        this.scheduling = scheduling;
    }

    public List<LocalObjectReference> getImagePullSecrets() {
        return imagePullSecrets;
    }

    public void setImagePullSecrets(List<LocalObjectReference> imagePullSecrets) {
        this.imagePullSecrets = imagePullSecrets;
    }

    public Map<String, String> getPodLabels() {
        return podLabels;
    }

    public void setPodLabels(Map<String, String> podLabels) {
        this.podLabels = podLabels;
    }

    public Map<String, String> getPodAnnotations() {
        return podAnnotations;
    }

    public void setPodAnnotations(Map<String, String> podAnnotations) {
        this.podAnnotations = podAnnotations;
    }
}
