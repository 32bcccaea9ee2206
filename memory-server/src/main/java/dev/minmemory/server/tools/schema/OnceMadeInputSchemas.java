package dev.minmemory.server.tools.schema;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import io.quarkiverse.mcp.server.GlobalInputSchemaGenerator;
import io.quarkiverse.mcp.server.ToolManager.ToolInfo;

/** Tools' input schemas through {@link SchemaGeneration}: made once each, one at a time. */
@Decorator
@Priority(1)
public class OnceMadeInputSchemas implements GlobalInputSchemaGenerator {

    private final SchemaGeneration<String, InputSchema> schemas = new SchemaGeneration<>();

    @Inject
    @Delegate
    @Any
    GlobalInputSchemaGenerator generator;

    @Override
    public InputSchema generate(ToolInfo tool) {
        return schemas.schema(tool.serverName() + '/' + tool.name(), key -> generator.generate(tool));
    }
}
