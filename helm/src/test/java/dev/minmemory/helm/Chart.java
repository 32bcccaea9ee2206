package dev.minmemory.helm;

import java.nio.file.Path;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/** The chart in helm/min-memory-operator, rendered by real Helm (helm-java runs Helm 3 as a native library). */
final class Chart {

    static final Path DIR = Path.of("min-memory-operator");
    /** The release name that makes every object's name the chart's name, as in the operator's own manifests. */
    static final String RELEASE = "min-memory-operator";
    static final String NAMESPACE = "min-memory-system";
    /** helm-java defaults to Kubernetes 1.20, older than the chart's kubeVersion. */
    private static final String KUBE_VERSION = "1.33.0";
    private static final Path VALUES = Path.of("src", "test", "resources", "values");

    private Chart() {
    }

    static Helm helm() {
        return new Helm(DIR);
    }

    /**
     * Renders the chart with src/test/resources/values/{valuesCase}.yaml, or with its defaults for "defaults", and
     * keeps the output for the Kubernetes schema check of the integration-test phase.
     */
    static RenderedChart render(String valuesCase) {
        TemplateCommand template = template();
        if (!valuesCase.equals("defaults")) {
            template.withValuesFile(VALUES.resolve(valuesCase + ".yaml"));
        }
        return RenderedChart.parse(template.call()).writeKubernetesObjects(valuesCase);
    }

    /** Renders the chart with --set values; Helm's error (schema or template) surfaces as an exception. */
    static RenderedChart renderWith(Map<String, Object> values) {
        TemplateCommand template = template();
        values.forEach(template::set);
        return RenderedChart.parse(template.call());
    }

    private static TemplateCommand template() {
        return helm().template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
    }
}
