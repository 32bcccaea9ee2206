package dev.minmemory.operator.crd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * What the API server does with a MemoryServer before storing it, offline: structural defaulting from the committed
 * CRD's schema (on the new object and on the old one, as when it is read from etcd), then every
 * x-kubernetes-validations rule evaluated with Google's CEL-Java, transition rules only where the old object has a
 * value. The fabric8 mock API server does neither. Not covered: Kubernetes' own CEL libraries (quantity, url, regex
 * extensions), cost limits and list-type correlation of oldSelf inside arrays.
 */
public final class CrdAdmission {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final JsonNode schema;

    private CrdAdmission(JsonNode schema) {
        this.schema = schema;
    }

    public static CrdAdmission ofCommittedCrd() {
        try {
            return new CrdAdmission(MAPPER.readTree(Serialization.asJson(CommittedCrd.schema())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages of the rules a create of {@code yaml} breaks. */
    public List<String> create(String yaml) {
        return violations(defaulted(yaml), null);
    }

    /** The messages of the rules an update from {@code oldYaml} to {@code yaml} breaks. */
    public List<String> update(String oldYaml, String yaml) {
        return violations(defaulted(yaml), defaulted(oldYaml));
    }

    /** The object as the API server would store it: every absent field that has a default gets it. */
    public JsonNode defaulted(String yaml) {
        JsonNode object = MAPPER.valueToTree(Serialization.unmarshal(yaml, Map.class));
        applyDefaults(schema, object);
        return object;
    }

    private static void applyDefaults(JsonNode schema, JsonNode value) {
        if (value instanceof ObjectNode object) {
            schema.path("properties").fields().forEachRemaining(property -> {
                JsonNode propertySchema = property.getValue();
                if (!object.has(property.getKey()) && propertySchema.has("default")) {
                    object.set(property.getKey(), propertySchema.get("default").deepCopy());
                }
                if (object.has(property.getKey())) {
                    applyDefaults(propertySchema, object.get(property.getKey()));
                }
            });
        } else if (value != null && value.isArray() && schema.has("items")) {
            value.forEach(item -> applyDefaults(schema.get("items"), item));
        }
    }

    private List<String> violations(JsonNode object, JsonNode old) {
        var messages = new ArrayList<String>();
        check(schema, object, old, messages);
        return messages;
    }

    private static void check(JsonNode schema, JsonNode value, JsonNode old, List<String> messages) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            String expression = rule.get("rule").asText();
            boolean transition = expression.contains("oldSelf");
            if (transition && old == null) {
                continue;
            }
            if (!holds(expression, value, old)) {
                messages.add(rule.get("message").asText());
            }
        }
        schema.path("properties").fields().forEachRemaining(property -> {
            if (value.has(property.getKey())) {
                JsonNode oldValue = old == null ? null : old.get(property.getKey());
                check(property.getValue(), value.get(property.getKey()), oldValue, messages);
            }
        });
        if (value.isArray() && schema.has("items")) {
            value.forEach(item -> check(schema.get("items"), item, null, messages));
        }
    }

    private static boolean holds(String expression, JsonNode self, JsonNode oldSelf) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
            var variables = new HashMap<String, Object>();
            variables.put("self", toCel(self));
            if (oldSelf != null) {
                variables.put("oldSelf", toCel(oldSelf));
            }
            return Boolean.TRUE.equals(RUNTIME.createProgram(ast).eval(variables));
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("CEL rule " + expression + " failed: " + e.getMessage(), e);
        }
    }

    private static Object toCel(JsonNode node) {
        if (node.isObject()) {
            var map = new LinkedHashMap<String, Object>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), toCel(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            var list = new ArrayList<Object>();
            node.forEach(item -> list.add(toCel(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }
}
