package dev.minmemory.operator.dependent;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.minmemory.operator.crd.MemoryServer;

/** Recommended Kubernetes labels; the managed-by label also scopes the operator's informers. */
public final class Labels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String OPERATOR = "min-memory-operator";
    public static final String MANAGED_BY_SELECTOR = MANAGED_BY + "=" + OPERATOR;
    public static final String COMPONENT_SERVER = "server";
    public static final String COMPONENT_QDRANT = "qdrant";
    public static final String COMPONENT_QDRANT_SNAPSHOTS = "qdrant-snapshots";

    private static final String NAME = "app.kubernetes.io/name";
    private static final String APP = "min-memory";
    private static final String INSTANCE = "app.kubernetes.io/instance";
    private static final String COMPONENT = "app.kubernetes.io/component";

    private Labels() {
    }

    public static Map<String, String> of(MemoryServer ms, String component) {
        var labels = new LinkedHashMap<>(selector(ms, component));
        labels.put("app.kubernetes.io/part-of", APP);
        labels.put(MANAGED_BY, OPERATOR);
        return labels;
    }

    /**
     * Stable subset used in selectors, which are immutable on Deployments and StatefulSets: a workload whose selector
     * differs is recreated with its pods left running (see {@link WorkloadRecreation}).
     */
    public static Map<String, String> selector(MemoryServer ms, String component) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(NAME, APP);
        labels.put(INSTANCE, ms.getMetadata().getName());
        labels.put(COMPONENT, component);
        return labels;
    }
}
