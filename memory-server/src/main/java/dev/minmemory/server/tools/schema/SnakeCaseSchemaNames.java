package dev.minmemory.server.tools.schema;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;

import io.quarkiverse.mcp.server.runtime.SchemaGeneratorConfigCustomizer;

/**
 * Every name on our wire is snake_case: tool arguments (the generated argument holders carry the Java parameter
 * names) and the records of structured results alike. Schemas say so too.
 */
@Singleton
public class SnakeCaseSchemaNames implements SchemaGeneratorConfigCustomizer {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @Override
    public void customize(SchemaGeneratorConfigBuilder builder) {
        builder.forFields().withPropertyNameOverrideResolver(field -> SNAKE_CASE.translate(field.getName()));
    }
}
