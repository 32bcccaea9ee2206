package dev.minmemory.server.tools.schema;

import java.util.Arrays;
import java.util.List;

import dev.minmemory.server.memory.WireEnum;

/**
 * The wire names an {@link OneOf} argument's schema lists. A single enum argument is a string read by
 * {@link WireEnum#parse} (quarkus-mcp-server converts a bare enum argument by its Java constant name, so a wire name
 * cannot arrive as a typed enum; lists and maps of enums are read by Jackson, which knows the wire names).
 */
public final class WireValues {

    private WireValues() {
    }

    static List<String> names(Class<? extends WireEnum> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName).toList();
    }
}
