package dev.minmemory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.minmemory.operator.crd.CrdSchema;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.dependent.StrictKubernetesModel;
import dev.minmemory.operator.validation.SpecValidator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Every object the chart renders, for its defaults and representative values, read strictly into fabric8's typed
 * model. The same objects are checked against the Kubernetes OpenAPI schemas by npm kubernetes-models in the
 * integration-test phase (helm/pom.xml).
 */
class RenderedObjectsAreValidTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @ParameterizedTest
    @ValueSource(strings = { "defaults", "watch-namespaces", "memory-servers", "everything-set" })
    void everyRenderedObjectIsAKubernetesTypeWithoutUnknownFields(String values) {
        var objects = Chart.render(values).objects();

        assertThat(objects).isNotEmpty().allSatisfy(object -> {
            if (object instanceof GenericKubernetesResource) {
                assertThat(object.getKind()).isEqualTo("MemoryServer");
            } else {
                assertThat(StrictKubernetesModel.unknownFields(object)).as(object.getKind()).isEmpty();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory-servers", "everything-set" })
    void everyRenderedMemoryServerIsValidForTheCrdSchemaAndTheOperatorsChecks(String values) {
        var memoryServers = Chart.render(values).memoryServers();

        assertThat(memoryServers).isNotEmpty().allSatisfy(document -> {
            assertThat(CrdSchema.strict().validate(document)).isEmpty();
            MemoryServer ms = read(document);
            assertThat(SpecValidator.problems(ms)).isEmpty();
        });
    }

    private static MemoryServer read(JsonNode document) {
        try {
            return STRICT.treeToValue(document, MemoryServer.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a MemoryServer the operator can read: " + e.getMessage(), e);
        }
    }
}
