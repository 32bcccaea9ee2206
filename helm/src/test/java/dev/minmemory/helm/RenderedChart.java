package dev.minmemory.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The objects of one `helm template` run, as Helm wrote them and read into fabric8's typed model. */
record RenderedChart(List<JsonNode> documents) {

    /** Where the Kubernetes objects go for the schema check by npm kubernetes-models (integration-test phase). */
    private static final Path OUTPUT = Path.of("target", "rendered");
    private static final YAMLMapper YAML = new YAMLMapper();

    static RenderedChart parse(String helmOutput) {
        try (var parser = new YAMLFactory().createParser(helmOutput)) {
            return new RenderedChart(new ObjectMapper().readValues(parser, JsonNode.class).readAll().stream()
                    .filter(document -> document != null && !document.isEmpty())
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("helm template wrote invalid YAML", e);
        }
    }

    List<HasMetadata> objects() {
        return documents.stream().<HasMetadata>map(document -> Serialization.unmarshal(document.toString())).toList();
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", rendered " + found.size());
        }
        return found.get(0);
    }

    List<JsonNode> memoryServers() {
        return documents.stream().filter(document -> document.path("kind").asText().equals("MemoryServer")).toList();
    }

    /**
     * Writes the built-in objects to target/rendered/{name}.yaml. kubernetes-models knows only the built-in kinds;
     * MemoryServers are checked against the CRD instead.
     */
    RenderedChart writeKubernetesObjects(String name) {
        var yaml = new StringBuilder();
        try {
            for (JsonNode document : documents) {
                if (!document.path("kind").asText().equals("MemoryServer")) {
                    yaml.append(YAML.writeValueAsString(document));
                }
            }
            Files.createDirectories(OUTPUT);
            Files.writeString(OUTPUT.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
