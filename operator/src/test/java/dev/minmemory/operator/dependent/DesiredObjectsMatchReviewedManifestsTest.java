package dev.minmemory.operator.dependent;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each desired object, field for field, against a reviewed manifest in src/test/resources/desired.
 * After an intended change, regenerate them with -Ddesired.update=true and review the diff.
 */
class DesiredObjectsMatchReviewedManifestsTest {

    private static final Path REVIEWED = Path.of("src/test/resources/desired");

    static Stream<Map.Entry<String, HasMetadata>> desiredObjects() {
        var ms = MemoryServers.auth0("team-a", "memory");
        return DesiredObjects.of(ms, TestConfig.inputs()).entrySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("desiredObjects")
    void desiredObjectIsExactlyTheReviewedManifest(Map.Entry<String, HasMetadata> desired) throws IOException {
        HasMetadata object = desired.getValue();
        if (object instanceof Secret secret && secret.getData().containsKey(QdrantApiKeySecretDependentResource.KEY)) {
            secret.getData().put(QdrantApiKeySecretDependentResource.KEY, "<random>");
        }
        String yaml = Serialization.asYaml(object);
        Path file = REVIEWED.resolve(desired.getKey() + ".yaml");
        if (Boolean.getBoolean("desired.update")) {
            Files.createDirectories(REVIEWED);
            Files.writeString(file, yaml);
        }
        assertThat(yaml).isEqualTo(Files.readString(file));
    }
}
