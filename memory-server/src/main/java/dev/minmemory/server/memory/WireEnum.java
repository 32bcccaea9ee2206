package dev.minmemory.server.memory;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum whose values travel as lower-case snake_case names ({@code depends_on}, {@code core_identity}), the names the
 * original server's clients send. Jackson reads and writes them through {@link #wireName()}, and the tools' input
 * schemas list them as the enum's values.
 */
public interface WireEnum {

    String name();

    @JsonValue
    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
