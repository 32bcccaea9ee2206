package dev.minmemory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.minmemory.operator.crd.CrdSchema;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.validation.SpecValidator;

/** The files deploy/kind/e2e.sh applies, checked here because the script itself needs Docker. */
class KindEndToEndFilesTest {

    private static final Path KIND = Path.of("..", "deploy", "kind");

    @Test
    void endToEndMemoryServerWithTheScriptsDefaultsIsValidForTheCrdAndTheOperator() throws IOException {
        String yaml = Files.readString(KIND.resolve("memoryserver-e2e.yaml"))
                .replace("${E2E_ISSUER}", "https://accounts.google.com")
                .replace("${E2E_AUDIENCE}", "https://memory.e2e.test/mcp");
        var mapper = new YAMLMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonNode document = mapper.readTree(yaml);

        assertThat(CrdSchema.strict().validate(document)).isEmpty();
        assertThat(SpecValidator.problems(mapper.treeToValue(document, MemoryServer.class))).isEmpty();
    }

    @Test
    void scriptInstallsTheChartAndBuildsBothImagesFromTheirDockerfiles() throws IOException {
        String script = Files.readString(KIND.resolve("e2e.sh"));

        assertThat(script).contains("helm install min-memory-operator helm/min-memory-operator")
                .contains("-f deploy/docker/memory-server.Dockerfile")
                .contains("-f deploy/docker/operator.Dockerfile");
        assertThat(Files.isExecutable(KIND.resolve("e2e.sh"))).isTrue();
    }
}
