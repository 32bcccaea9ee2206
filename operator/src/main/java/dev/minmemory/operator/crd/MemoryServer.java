package dev.minmemory.operator.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One team's memory platform: Qdrant, the memory server, its auth configuration and its public endpoint. */
@Group(MemoryServer.GROUP)
@Version(MemoryServer.VERSION)
@ShortNames("memsrv")
@ValidationRule(value = "self.metadata.name.size() <= 40", message = "metadata.name must be at most 40 characters")
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Endpoint", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.endpoint")
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE,
        jsonPath = ".metadata.creationTimestamp")
public class MemoryServer extends CustomResource<MemoryServerSpec, MemoryServerStatus> implements Namespaced {

    public static final String GROUP = "minmemory.dev";
    public static final String VERSION = "v1alpha1";

    @Override
    protected MemoryServerSpec initSpec() {
        return new MemoryServerSpec();
    }
}
