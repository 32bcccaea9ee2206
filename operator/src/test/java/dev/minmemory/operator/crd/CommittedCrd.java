package dev.minmemory.operator.crd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The CRD as committed at the repository root, which the build keeps equal to the generated one. */
public final class CommittedCrd {

    public static final Path FILE = Path.of("..", "crds", "memoryservers.minmemory.dev-v1.yml");

    private CommittedCrd() {
    }

    public static CustomResourceDefinition load() {
        try {
            return Serialization.unmarshal(Files.readString(FILE), CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JSONSchemaProps schema() {
        return load().getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    }
}
