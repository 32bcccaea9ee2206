package dev.minmemory.server.memory;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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

    /**
     * The one reading of a caller's enum value: the value with this wire name, or null for a missing one; any other
     * name is refused with the list of the wire names.
     */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String wireName) {
        if (wireName == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.wireName().equals(wireName)) {
                return value;
            }
        }
        throw new MemoryRequestException("'" + wireName + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(WireEnum::wireName).collect(Collectors.joining(", ")));
    }
}
