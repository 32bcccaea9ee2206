package dev.minmemory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** deploy/compose/compose.yaml: Qdrant is never exposed, and only the TLS proxy publishes ports. */
class ComposeFileTest {

    static final Path FILE = Path.of("..", "deploy", "compose", "compose.yaml");
    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        compose = new YAMLMapper().readTree(FILE.toFile());
    }

    @Test
    void qdrantIsOnlyOnAnInternalNetworkAndPublishesNoPort() {
        JsonNode qdrant = service("qdrant");

        assertThat(names(qdrant.path("networks"))).containsExactly("qdrant");
        assertThat(compose.path("networks").path("qdrant").path("internal").asBoolean()).isTrue();
        assertThat(qdrant.has("ports")).isFalse();
        assertThat(qdrant.has("expose")).isFalse();
    }

    @Test
    void qdrantRequiresAnApiKeyThatTheServerShares() {
        assertThat(service("qdrant").path("environment").path("QDRANT__SERVICE__API_KEY").asText())
                .startsWith("${QDRANT_API_KEY:?");
        assertThat(service("memory-server").path("environment").path("QDRANT_API_KEY").asText())
                .startsWith("${QDRANT_API_KEY:?");
    }

    @Test
    void onlyTheTlsProxyPublishesPorts() {
        List<String> publishing = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(service -> {
            if (service.getValue().has("ports")) {
                publishing.add(service.getKey());
            }
        });

        assertThat(publishing).containsExactly("caddy");
        assertThat(names(service("caddy").path("ports"))).contains("443:443");
    }

    @ParameterizedTest
    @ValueSource(strings = { "qdrant", "memory-server" })
    void workloadRunsWithAReadOnlyRootFilesystemAndNoCapabilities(String name) {
        JsonNode service = service(name);

        assertThat(service.path("read_only").asBoolean()).isTrue();
        assertThat(names(service.path("cap_drop"))).containsExactly("ALL");
        assertThat(names(service.path("security_opt"))).containsExactly("no-new-privileges:true");
    }

    @Test
    void serverKeepsItsDataOnAVolumeAndItsTemporaryFilesInMemory() {
        JsonNode server = service("memory-server");

        assertThat(names(server.path("volumes"))).containsExactly("memory-data:/var/lib/min-memory");
        assertThat(names(server.path("tmpfs"))).containsExactly("/tmp");
    }

    static JsonNode service(String name) {
        return compose.path("services").path(name);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.asText()));
        return names;
    }
}
