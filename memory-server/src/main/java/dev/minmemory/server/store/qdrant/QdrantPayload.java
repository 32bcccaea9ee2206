package dev.minmemory.server.store.qdrant;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.store.MemoryJson;
import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.NullValue;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;

/**
 * A memory as a Qdrant payload: the record exactly as {@link MemoryJson} writes it (snake_case fields, ISO-8601
 * timestamps, nulls kept), field by field, so every filtered field (user, scope, memory_type, project, task_id,
 * status, deleted, related_to, tags, entity) is a top-level payload key.
 */
final class QdrantPayload {

    private QdrantPayload() {
    }

    static Map<String, Value> of(Memory memory) {
        Map<String, Value> payload = new LinkedHashMap<>();
        MemoryJson.toTree(memory).fields()
                .forEachRemaining(field -> payload.put(field.getKey(), value(field.getValue())));
        return payload;
    }

    static Memory memory(Map<String, Value> payload) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        payload.forEach((key, value) -> record.set(key, json(value)));
        return MemoryJson.fromTree(record);
    }

    static Value value(JsonNode node) {
        Value.Builder value = Value.newBuilder();
        if (node == null || node.isNull()) {
            value.setNullValue(NullValue.NULL_VALUE);
        } else if (node.isBoolean()) {
            value.setBoolValue(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            value.setIntegerValue(node.longValue());
        } else if (node.isNumber()) {
            value.setDoubleValue(node.doubleValue());
        } else if (node.isTextual()) {
            value.setStringValue(node.textValue());
        } else if (node.isArray()) {
            ListValue.Builder list = ListValue.newBuilder();
            node.forEach(element -> list.addValues(value(element)));
            value.setListValue(list);
        } else if (node.isObject()) {
            Struct.Builder struct = Struct.newBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                struct.putFields(field.getKey(), value(field.getValue()));
            }
            value.setStructValue(struct);
        } else {
            throw new IllegalArgumentException("No Qdrant payload value for JSON " + node.getNodeType());
        }
        return value.build();
    }

    static JsonNode json(Value value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> nodes.nullNode();
            case BOOL_VALUE -> nodes.booleanNode(value.getBoolValue());
            case INTEGER_VALUE -> nodes.numberNode(value.getIntegerValue());
            case DOUBLE_VALUE -> nodes.numberNode(value.getDoubleValue());
            case STRING_VALUE -> nodes.textNode(value.getStringValue());
            case LIST_VALUE -> {
                ArrayNode array = nodes.arrayNode();
                value.getListValue().getValuesList().forEach(element -> array.add(json(element)));
                yield array;
            }
            case STRUCT_VALUE -> {
                ObjectNode object = nodes.objectNode();
                value.getStructValue().getFieldsMap().forEach((key, field) -> object.set(key, json(field)));
                yield object;
            }
        };
    }
}
