package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

final class Metadata {

    private Metadata() {
    }

    static ObjectMeta of(MemoryServer ms, String name, String component) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(ms.getMetadata().getNamespace())
                .withLabels(Labels.of(ms, component))
                .build();
    }
}
