package dev.minmemory.operator.crd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;

/** Where a workload's pods may run. */
public class SchedulingSpec {

    @JsonPropertyDescription("Node labels the pods require (pod spec nodeSelector).")
    private Map<String, String> nodeSelector = new LinkedHashMap<>();

    @JsonPropertyDescription("Node and pod (anti-)affinity of the pods.")
    private Affinity affinity;

    @JsonPropertyDescription("Taints the pods tolerate.")
    private List<Toleration> tolerations = new ArrayList<>();

    @JsonPropertyDescription("How the pods spread over the cluster. Empty: at most one pod more on any node than on "
            + "another (kubernetes.io/hostname, maxSkew 1, ScheduleAnyway). The operator fills in the label selector "
            + "of a constraint that has none.")
    private List<TopologySpreadConstraint> topologySpreadConstraints = new ArrayList<>();

    @JsonPropertyDescription("PriorityClass of the pods.")
    private String priorityClassName;

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public Affinity getAffinity() {
        return affinity;
    }

    public void setAffinity(Affinity affinity) {
        this.affinity = affinity;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations;
    }

    public List<TopologySpreadConstraint> getTopologySpreadConstraints() {
        return topologySpreadConstraints;
    }

    public void setTopologySpreadConstraints(List<TopologySpreadConstraint> topologySpreadConstraints) {
        this.topologySpreadConstraints = topologySpreadConstraints;
    }

    public String getPriorityClassName() {
        return priorityClassName;
    }

    public void setPriorityClassName(String priorityClassName) {
        this.priorityClassName = priorityClassName;
    }
}
