package dev.minmemory.server.tools.schema;

import java.util.Arrays;
import java.util.List;

import dev.minmemory.server.memory.MemoryRequestException;
import dev.minmemory.server.memory.WireEnum;

/**
 * The one reading of a caller's single enum argument: a string restricted by {@link OneOf} to the wire names, which
 * the input schema lists. (quarkus-mcp-server converts a bare enum argument by its Java constant name, so a wire
 * name cannot arrive as a typed enum; lists and maps of enums are read by Jackson, which knows the wire names.)
 */
public final class WireValues {

    private WireValues() {
    }

    /** The value with this wire name, or null for a missing argument. */
    public static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String wireName) {
        if (wireName == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.wireName().equals(wireName)) {
                return value;
            }
        }
        throw new MemoryRequestException("'" + wireName + "' is not one of " + String.join(", ", names(type)));
    }

    static List<String> names(Class<? extends WireEnum> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName).toList();
    }
}
