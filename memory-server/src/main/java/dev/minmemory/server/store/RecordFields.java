package dev.minmemory.server.store;

/**
 * The names of a memory record's fields as {@link MemoryJson} writes them, which the stores filter and aggregate on:
 * one list for the Lucene fields and the Qdrant payload keys alike.
 */
public final class RecordFields {

    public static final String ID = "id";
    public static final String USER = "user";
    public static final String SCOPE = "scope";
    public static final String MEMORY_TYPE = "memory_type";
    public static final String PROJECT = "project";
    public static final String TASK_ID = "task_id";
    public static final String ENTITY = "entity";
    public static final String TAGS = "tags";
    public static final String STATUS = "status";
    public static final String RELATED_TO = "related_to";
    public static final String DELETED = "deleted";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_AT = "updated_at";
    public static final String SUPERSEDED_BY = "superseded_by";

    private RecordFields() {
    }
}
