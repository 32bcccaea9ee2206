package dev.minmemory.server.memory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum whose values travel as lower-case snake_case names ({@code depends_on}, {@code core_identity}), the names the
 * original server's clients send. Jackson reads and writes them through {@link #wireName()}.
 */
public interface WireEnum {

    String name();

    @JsonValue
    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String wireName) {
        for (E value : type.getEnumConstants()) {
            if (value.wireName().equals(wireName)) {
                return value;
            }
        }
        throw new MemoryRequestException(
                "'" + wireName + "' is not one of " + String.join(", ", wireNames(type)));
    }

    static List<String> wireNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(value -> ((WireEnum) value).wireName()).toList();
    }
}
