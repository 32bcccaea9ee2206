package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;

public class MonitoringSpec {

    @Default("{}")
    @JsonPropertyDescription("prometheus-operator PodMonitors for the memory server (management port, /q/metrics) and "
            + "Qdrant (/metrics, with its API key). Needs the monitoring.coreos.com/v1 CRDs in the cluster; without "
            + "them the MonitoringReady condition says so and nothing else is affected.")
    private PodMonitorSpec podMonitor = new PodMonitorSpec();

    public PodMonitorSpec getPodMonitor() {
        return podMonitor;
    }

    public void setPodMonitor(PodMonitorSpec podMonitor) {
        this.podMonitor = podMonitor;
    }
}
