package dev.minmemory.server.memory;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sizes a memory's strings may have, in UTF-8 bytes: every string either store indexes stays well inside what the
 * index accepts (Lucene refuses a term over 32,766 bytes, which would otherwise fail a write after it reached the
 * write-ahead log). Checked on every record before any store sees it: tool calls and imports alike. The tools' schemas
 * bound the same arguments in characters; a string within those bounds is always within these.
 */
public final class MemoryBounds {

    /** The memory text: 32,000 characters (the tools' bound) are at most 96,000 bytes. */
    public static final int TEXT_BYTES = 131_072;
    /** Entity, project and task id: names, 200 characters in the tools' schemas. */
    public static final int NAME_BYTES = 1_024;
    /** Each tag, status and priority: short labels. */
    public static final int LABEL_BYTES = 256;
    /** Memory ids (UUIDs when this server made them), the ids of linked memories and user ids. */
    public static final int ID_BYTES = 256;

    /** A request's text, in characters: the tools' schemas say the same, this holds it for every other caller too. */
    public static final int TEXT_CHARACTERS = 32_000;
    /** A request's tags, in entries (as above). */
    public static final int TAGS = 50;

    private MemoryBounds() {
    }

    /**
     * Refuses a text or tag list larger than a store or update request may carry. Records (imports) are bound by
     * {@link #requireWithin} alone, so that what an older server stored can always be moved.
     */
    public static void requireRequestWithin(String text, List<String> tags) {
        if (text != null && text.codePointCount(0, text.length()) > TEXT_CHARACTERS) {
            throw new MemoryRequestException("text is " + text.codePointCount(0, text.length())
                    + " characters long; at most " + TEXT_CHARACTERS + " are allowed. Split it into several memories.");
        }
        if (tags != null && tags.size() > TAGS) {
            throw new MemoryRequestException("tags has " + tags.size() + " entries; at most " + TAGS
                    + " are allowed. Keep the few that help find the memory.");
        }
    }

    /** Refuses a record with a string over its bound, naming the argument, its size and the bound. */
    public static void requireWithin(Memory memory) {
        requireWithin("id", memory.id(), ID_BYTES);
        requireWithin("user", memory.user(), ID_BYTES);
        requireWithin("text", memory.text(), TEXT_BYTES);
        requireWithin("entity", memory.entity(), NAME_BYTES);
        requireWithin("project", memory.project(), NAME_BYTES);
        requireWithin("task_id", memory.taskId(), NAME_BYTES);
        requireWithin("status", memory.status(), LABEL_BYTES);
        requireWithin("priority", memory.priority(), LABEL_BYTES);
        requireEachWithin("tags", memory.tags(), LABEL_BYTES);
        requireEachWithin("related_to", memory.relatedTo(), ID_BYTES);
    }

    private static void requireEachWithin(String argument, List<String> values, int bound) {
        for (int i = 0; i < values.size(); i++) {
            requireWithin(argument + "[" + i + "]", values.get(i), bound);
        }
    }

    private static void requireWithin(String argument, String value, int bound) {
        if (value == null) {
            return;
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > bound) {
            throw new MemoryRequestException(argument + " is " + bytes + " bytes long (UTF-8); at most " + bound
                    + " bytes are allowed. Shorten it" + (argument.startsWith("tags") ? ", or put the detail into"
                            + " the text." : "."));
        }
    }
}
