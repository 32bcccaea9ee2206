package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One team's memory platform: Qdrant, the memory server, its auth configuration and its public endpoint.
 * Versioning: v1alpha1 may still change incompatibly; v1beta1 will be served beside it with a conversion-free schema
 * (only added fields), then become the storage version (see docs/OPERATOR.md).
 */
@Group(MemoryServer.GROUP)
@Version(MemoryServer.VERSION)
@ShortNames("memsrv")
@Categories("min-memory")
@ValidationRule(value = "self.metadata.name.size() <= 40", message = "metadata.name must be at most 40 characters")
// kubectl shows the columns in this order (CrdCompletion keeps it); Model and Qdrant only with -o wide.
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        getDescription = "Whether the endpoint serves: the status of the Ready condition.")
@AdditionalPrinterColumn(name = "Reason", type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
        getDescription = "Why it is (not) ready: the reason of the Ready condition.")
@AdditionalPrinterColumn(name = "Endpoint", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.endpoint",
        getDescription = "The MCP endpoint clients connect to.")
@AdditionalPrinterColumn(name = "Model", type = AdditionalPrinterColumn.Type.STRING, priority = 1,
        jsonPath = ".spec.server.embeddingModel", getDescription = "The embedding model of the stored vectors.")
@AdditionalPrinterColumn(name = "Qdrant", type = AdditionalPrinterColumn.Type.INTEGER, priority = 1,
        jsonPath = ".spec.qdrant.replicas", getDescription = "Qdrant pods asked for.")
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE,
        jsonPath = ".metadata.creationTimestamp")
public class MemoryServer extends CustomResource<MemoryServerSpec, MemoryServerStatus> implements Namespaced {

    public static final String GROUP = "minmemory.dev";
    public static final String VERSION = "v1alpha1";
    static final String DESCRIPTION = "A team's MCP memory endpoint: the memory server, the Qdrant vector database it "
            + "stores memories in, who may call it (OIDC) and how it is reached (Ingress or Gateway API HTTPRoute). "
            + "The operator creates and updates everything else from it.";

    @Override
    @JsonPropertyDescription("The desired memory endpoint: who may call it (auth), the server and Qdrant workloads, the "
            + "Ingress and the NetworkPolicies. Every block but auth has defaults.")
    public MemoryServerSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("What the operator observed: the endpoint and Ready plus one condition per component.")
    public MemoryServerStatus getStatus() {
        return super.getStatus();
    }

    @Override
    protected MemoryServerSpec initSpec() {
        return new MemoryServerSpec();
    }
}
