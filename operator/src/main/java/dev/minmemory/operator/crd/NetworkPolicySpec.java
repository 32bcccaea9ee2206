package dev.minmemory.operator.crd;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;

public class NetworkPolicySpec {

    @Default("true")
    @JsonPropertyDescription("Create NetworkPolicies: Qdrant accepts only this instance's server pods, "
            + "the server accepts only the ingress controller.")
    private boolean enabled = true;

    @JsonPropertyDescription("Labels of the namespace the ingress controller runs in. "
            + "Defaults to kubernetes.io/metadata.name: ingress-nginx.")
    private Map<String, String> ingressControllerNamespaceLabels = new LinkedHashMap<>();

    @JsonPropertyDescription("Labels of the namespace a metrics scraper (Prometheus) runs in. When set, pods of that "
            + "namespace may reach the server's management port (health, metrics) and Qdrant's HTTP port (metrics). "
            + "Empty: no one may; the kubelet's probes are not subject to NetworkPolicies.")
    private Map<String, String> monitoringNamespaceLabels = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Map<String, String> getIngressControllerNamespaceLabels() {
        return ingressControllerNamespaceLabels;
    }

    public void setIngressControllerNamespaceLabels(Map<String, String> ingressControllerNamespaceLabels) {
        this.ingressControllerNamespaceLabels = ingressControllerNamespaceLabels;
    }

    public Map<String, String> getMonitoringNamespaceLabels() {
        return monitoringNamespaceLabels;
    }

    public void setMonitoringNamespaceLabels(Map<String, String> monitoringNamespaceLabels) {
        this.monitoringNamespaceLabels = monitoringNamespaceLabels;
    }
}
