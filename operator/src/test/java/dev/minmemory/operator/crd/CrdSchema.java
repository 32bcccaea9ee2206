package dev.minmemory.operator.crd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The committed CRD's schema as the API server applies it: apiVersion, kind and metadata are implicit. Kubernetes
 * prunes unknown fields silently; in a manifest someone wrote, an unknown field is a mistake, so it is forbidden
 * here. Shared with the Helm chart's tests through the operator's test jar.
 */
public final class CrdSchema {

    private CrdSchema() {
    }

    public static JsonSchema strict() {
        var mapper = new ObjectMapper();
        try {
            JsonNode schema = mapper.readTree(Serialization.asJson(CommittedCrd.schema()));
            var implicit = (ObjectNode) schema.get("properties");
            implicit.set("apiVersion", mapper.readTree("{\"type\": \"string\"}"));
            implicit.set("kind", mapper.readTree("{\"type\": \"string\"}"));
            implicit.set("metadata", mapper.readTree("{\"type\": \"object\"}"));
            closeObjects(schema);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the committed CRD's schema is not JSON", e);
        }
    }

    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        node.forEach(CrdSchema::closeObjects);
    }
}
