package dev.minmemory.server.tools.schema;

import jakarta.inject.Singleton;

import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;

import io.quarkiverse.mcp.server.runtime.SchemaGeneratorConfigCustomizer;

/** Publishes {@link OneOf} restrictions as {@code enum} in generated input schemas. */
@Singleton
public class OneOfSchemaCustomizer implements SchemaGeneratorConfigCustomizer {

    @Override
    public void customize(SchemaGeneratorConfigBuilder builder) {
        builder.forFields().withEnumResolver(field -> {
            OneOf oneOf = field.getAnnotationConsideringFieldAndGetter(OneOf.class);
            return oneOf == null ? null : WireValues.names(oneOf.value());
        });
    }
}
