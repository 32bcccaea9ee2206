package dev.minmemory.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.ValidationMessage;

import dev.minmemory.operator.validation.SpecValidator;

/** The examples in docs/examples are valid MemoryServers: for the CRD schema, the Java model and the operator. */
class ExampleResourcesTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @ParameterizedTest
    @ValueSource(strings = { "memoryserver-minimal.yaml", "memoryserver-production.yaml" })
    void exampleIsValidAgainstTheCrdSchemaWithUnknownFieldsRejected(String example) throws IOException {
        assertThat(CrdSchema.strict().validate(YAML.readTree(EXAMPLES.resolve(example).toFile()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "memoryserver-minimal.yaml", "memoryserver-production.yaml" })
    void exampleReadsStrictlyIntoTheModelAndPassesTheOperatorsChecks(String example) throws IOException {
        MemoryServer ms = YAML.readValue(EXAMPLES.resolve(example).toFile(), MemoryServer.class);

        assertThat(ms.getMetadata().getName()).isEqualTo("memory");
        assertThat(SpecValidator.problems(ms)).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesMisspelledFieldsAndWrongTypes() throws IOException {
        JsonNode broken = YAML.readTree("""
                apiVersion: minmemory.dev/v1alpha1
                kind: MemoryServer
                metadata: {name: memory}
                spec:
                  auth: {auth0Domain: a.auth0.com, audience: x}
                  server: {replica: 2, embeddingModel: gpt}
                  qdrant: {replicas: many}
                """);

        assertThat(CrdSchema.strict().validate(broken)).extracting(ValidationMessage::getInstanceLocation)
                .map(Object::toString)
                .containsExactlyInAnyOrder("$.spec.server", "$.spec.server.embeddingModel", "$.spec.qdrant.replicas");
    }
}
