package dev.minmemory.server.tools.schema;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;

import io.quarkiverse.mcp.server.runtime.SchemaGeneratorConfigCustomizer;

/**
 * Schemas describe the wire as it is. Every name is snake_case: tool arguments (the generated argument holders
 * carry the Java parameter names) and the records of structured results alike. A map's values are described too,
 * so {@code relation_types} says which relations are allowed, and every schema is inlined where it is used: clients
 * and models read enums in place more reliably than through {@code $ref}. Objects other than maps admit no other
 * properties ({@code additionalProperties: false}), so an unknown argument name is refused by name, not ignored.
 */
@Singleton
public class WireSchemaConventions implements SchemaGeneratorConfigCustomizer {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @Override
    public void customize(SchemaGeneratorConfigBuilder builder) {
        builder.with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES, Option.INLINE_ALL_SCHEMAS,
                Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        builder.forFields().withPropertyNameOverrideResolver(field -> SNAKE_CASE.translate(field.getName()));
    }
}
