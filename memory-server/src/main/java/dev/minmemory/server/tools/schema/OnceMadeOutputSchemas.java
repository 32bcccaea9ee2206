package dev.minmemory.server.tools.schema;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import io.quarkiverse.mcp.server.GlobalOutputSchemaGenerator;

/** Structured results' output schemas through {@link SchemaGeneration}: made once per type, one at a time. */
@Decorator
@Priority(1)
public class OnceMadeOutputSchemas implements GlobalOutputSchemaGenerator {

    private final SchemaGeneration<Class<?>, Object> schemas = new SchemaGeneration<>();

    @Inject
    @Delegate
    @Any
    GlobalOutputSchemaGenerator generator;

    @Override
    public Object generate(Class<?> type) {
        return schemas.schema(type, generator::generate);
    }
}
