package dev.minmemory.server.tools.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.minmemory.server.memory.WireEnum;

/**
 * Restricts a string tool argument to the wire names of an enum; the names appear as {@code enum} in the tool's input
 * schema, which every call is validated against.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.FIELD })
public @interface OneOf {

    Class<? extends WireEnum> value();
}
