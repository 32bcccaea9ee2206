package dev.minmemory.operator.status;

/** The condition types of a MemoryServer's status. */
public final class ConditionTypes {

    public static final String READY = "Ready";
    public static final String QDRANT_READY = "QdrantReady";
    public static final String SERVER_READY = "ServerReady";
    public static final String INGRESS_READY = "IngressReady";
    /** Informational: not part of Ready, since the MCP endpoint serves without it. */
    public static final String MONITORING_READY = "MonitoringReady";

    private ConditionTypes() {
    }
}
