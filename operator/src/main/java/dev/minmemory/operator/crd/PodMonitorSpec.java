package dev.minmemory.operator.crd;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

public class PodMonitorSpec {

    @Default("false")
    @JsonPropertyDescription("Create the PodMonitors <name>-server and <name>-qdrant. Switching it off deletes them.")
    private boolean enabled;

    @Default("30s")
    @Pattern("^(0|(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$")
    @JsonPropertyDescription("Scrape interval, a Prometheus duration such as 30s or 1m.")
    private String interval = "30s";

    @JsonPropertyDescription("Extra labels on the PodMonitors, typically what the Prometheus resource's "
            + "podMonitorSelector matches (e.g. release: kube-prometheus-stack). The operator's own labels win.")
    private Map<String, String> labels = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }
}
