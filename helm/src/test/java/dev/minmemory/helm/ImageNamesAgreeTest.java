package dev.minmemory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Image names and tags are defined once, in the parent pom (image.registry, image.tag, qdrant.image). The operator's
 * configuration is filtered from them; everything that has to spell them out is checked against them here.
 */
class ImageNamesAgreeTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void operatorDefaultsAreTheBuildsImages() throws IOException {
        Properties operator = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            operator.load(in);
        }

        assertThat(operator.getProperty("minmemory.operator.server-image")).isEqualTo(BuildImages.SERVER);
        assertThat(operator.getProperty("minmemory.operator.qdrant-image")).isEqualTo(BuildImages.QDRANT);
    }

    @Test
    void chartAppVersionIsTheBuildsImageTag() throws IOException {
        JsonNode chart = YAML.readTree(Chart.DIR.resolve("Chart.yaml").toFile());

        assertThat(chart.path("appVersion").asText()).isEqualTo(BuildImages.TAG);
    }

    @Test
    void chartRunsTheBuildsOperatorAndPassesItTheBuildsDefaultImages() {
        var container = Chart.render("defaults").one(Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        Map<String, String> env = container.getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));

        assertThat(container.getImage()).isEqualTo(BuildImages.OPERATOR);
        assertThat(env).containsEntry("MINMEMORY_OPERATOR_SERVER_IMAGE", BuildImages.SERVER)
                .containsEntry("MINMEMORY_OPERATOR_QDRANT_IMAGE", BuildImages.QDRANT);
    }

    @Test
    void productionExamplePinsTheBuildsImages() throws IOException {
        JsonNode spec = YAML.readTree(Path.of("..", "docs", "examples", "memoryserver-production.yaml").toFile())
                .path("spec");

        assertThat(spec.path("server").path("image").asText()).isEqualTo(BuildImages.SERVER);
        assertThat(spec.path("qdrant").path("image").asText()).isEqualTo(BuildImages.QDRANT);
    }

    @Test
    void composeFileRunsTheBuildsImages() throws IOException {
        JsonNode services = YAML.readTree(ComposeFileTest.FILE.toFile()).path("services");

        assertThat(services.path("memory-server").path("image").asText()).isEqualTo(BuildImages.SERVER);
        assertThat(services.path("qdrant").path("image").asText()).isEqualTo(BuildImages.QDRANT);
    }

    @Test
    void dockerfilesDocumentTheTagsTheyAreBuiltWith() throws IOException {
        assertThat(Files.readString(Dockerfile.MEMORY_SERVER.path())).contains("-t " + BuildImages.SERVER + " .");
        assertThat(Files.readString(Dockerfile.OPERATOR.path())).contains("-t " + BuildImages.OPERATOR + " .");
    }
}
