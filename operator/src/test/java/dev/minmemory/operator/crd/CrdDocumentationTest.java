package dev.minmemory.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;

/** What {@code kubectl explain} and {@code kubectl get} show of the committed CRD. */
class CrdDocumentationTest {

    @Test
    void everyPropertyOfTheSchemaHasADescriptionForKubectlExplain() {
        var schema = CommittedCrd.schema();
        var undescribed = new ArrayList<String>();
        collectUndescribed(schema, "", undescribed);

        assertThat(schema.getDescription()).as("the root").isNotBlank();
        assertThat(schema.getProperties().get("spec").getDescription()).isNotBlank();
        assertThat(undescribed).as("properties without a description").isEmpty();
    }

    @Test
    void fieldsOfEmbeddedKubernetesTypesAreDescribedToo() {
        var toleration = CommittedCrd.schema().getProperties().get("spec").getProperties().get("qdrant")
                .getProperties().get("scheduling").getProperties().get("tolerations").getItems().getSchema();

        assertThat(toleration.getProperties().get("operator").getDescription()).startsWith("Equal");
        assertThat(toleration.getProperties().get("effect").getDescription()).contains("NoExecute");
    }

    @Test
    void printerColumnsAreReadyReasonEndpointThenAgeWithModelAndQdrantOnlyInTheWideOutput() {
        var columns = CommittedCrd.load().getSpec().getVersions().get(0).getAdditionalPrinterColumns();

        assertThat(columns).extracting(CustomResourceColumnDefinition::getName)
                .containsExactly("Ready", "Reason", "Endpoint", "Model", "Qdrant", "Age");
        assertThat(columns).filteredOn(column -> column.getPriority() == 1)
                .extracting(CustomResourceColumnDefinition::getName).containsExactly("Model", "Qdrant");
    }

    @Test
    void theResourceIsListedUnderItsCategoryAndShortName() {
        var names = CommittedCrd.load().getSpec().getNames();

        assertThat(names.getCategories()).containsExactly("min-memory");
        assertThat(names.getShortNames()).containsExactly("memsrv");
    }

    @Test
    void theEmbeddingModelsAreThoseTheServerImageBakesIn() {
        var model = CommittedCrd.schema().getProperties().get("spec").getProperties().get("server").getProperties()
                .get("embeddingModel");

        assertThat(model.getEnum()).extracting(value -> value.asText())
                .containsExactlyInAnyOrder("bge-small-en-v1.5-q", "bge-small-en-v1.5", "e5-small-v2-q");
    }

    private static void collectUndescribed(JSONSchemaProps schema, String path, List<String> undescribed) {
        schema.getProperties().forEach((name, property) -> {
            if (property.getDescription() == null || property.getDescription().isBlank()) {
                undescribed.add(path + "." + name);
            }
            collectUndescribed(property, path + "." + name, undescribed);
        });
        if (schema.getItems() != null && schema.getItems().getSchema() != null) {
            collectUndescribed(schema.getItems().getSchema(), path + "[]", undescribed);
        }
        if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
            collectUndescribed(schema.getAdditionalProperties().getSchema(), path + "{}", undescribed);
        }
    }
}
