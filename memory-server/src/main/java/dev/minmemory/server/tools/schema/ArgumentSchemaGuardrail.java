package dev.minmemory.server.tools.schema;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolInputGuardrail;

/**
 * Checks every tool call's arguments against the input schema the tool advertises, so that a wrong type, an unknown
 * enum value or a bound crossed comes back as a tool error naming each argument and what it must be.
 */
@Singleton
public class ArgumentSchemaGuardrail implements ToolInputGuardrail {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final ObjectMapper mapper;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public ArgumentSchemaGuardrail(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void apply(ToolInputContext context) {
        JsonSchema schema = schemas.computeIfAbsent(context.getTool().name(), name -> FACTORY.getSchema(
                toJson(context.getTool().asJson().getJsonObject("inputSchema").encode())));
        Set<ValidationMessage> problems = schema.validate(toJson(context.getArguments().encode()));
        if (!problems.isEmpty()) {
            throw new ToolCallException("Invalid arguments for " + context.getTool().name() + ": "
                    + problems.stream().map(ArgumentSchemaGuardrail::describe).sorted()
                            .collect(Collectors.joining("; "))
                    + ". Fix these and call again.");
        }
    }

    private static String describe(ValidationMessage problem) {
        return problem.getMessage().replaceFirst("^\\$\\.?", "").replaceFirst("^: ", "");
    }

    private JsonNode toJson(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Unparseable JSON", e);
        }
    }
}
