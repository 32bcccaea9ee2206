package dev.minmemory.server.store.lucene;

import java.util.Arrays;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.store.KeywordText;
import dev.minmemory.server.store.MemoryJson;
import dev.minmemory.server.store.RecordFields;

/**
 * The Lucene document of one memory: the JSON record as the stored source of truth, exact-match fields for filters,
 * doc values for aggregations, the analysed text for BM25 and the vector for HNSW search.
 */
final class MemoryDocument {

    static final String ID = RecordFields.ID;
    static final String USER = RecordFields.USER;
    static final String SCOPE = RecordFields.SCOPE;
    static final String MEMORY_TYPE = RecordFields.MEMORY_TYPE;
    static final String PROJECT = RecordFields.PROJECT;
    static final String TASK_ID = RecordFields.TASK_ID;
    static final String ENTITY = RecordFields.ENTITY;
    static final String TAG = "tag";
    static final String STATUS = RecordFields.STATUS;
    static final String RELATED_TO = RecordFields.RELATED_TO;
    static final String DELETED = RecordFields.DELETED;
    /** "true" on a memory that another one supersedes; absent otherwise. */
    static final String SUPERSEDED = "superseded";
    static final String CREATED_AT = RecordFields.CREATED_AT;
    static final String UPDATED_AT = RecordFields.UPDATED_AT;
    static final String CONTENT = "content";
    static final String VECTOR = "vector";
    static final String SOURCE = "source";

    private MemoryDocument() {
    }

    static Document of(Memory memory, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(ID, memory.id(), Field.Store.NO));
        doc.add(new StringField(USER, memory.user(), Field.Store.NO));
        doc.add(new StringField(SCOPE, memory.scope().wireName(), Field.Store.NO));
        doc.add(new StringField(MEMORY_TYPE, memory.memoryType().wireName(), Field.Store.NO));
        doc.add(new SortedDocValuesField(MEMORY_TYPE, new BytesRef(memory.memoryType().wireName())));
        addIfPresent(doc, PROJECT, memory.project());
        addIfPresent(doc, TASK_ID, memory.taskId());
        addIfPresent(doc, STATUS, memory.status());
        doc.add(new StringField(ENTITY, memory.entity(), Field.Store.NO));
        doc.add(new SortedDocValuesField(ENTITY, new BytesRef(memory.entity())));
        memory.tags().forEach(tag -> doc.add(new StringField(TAG, tag, Field.Store.NO)));
        memory.relatedTo().forEach(id -> doc.add(new StringField(RELATED_TO, id, Field.Store.NO)));
        doc.add(new StringField(DELETED, Boolean.toString(memory.deleted()), Field.Store.NO));
        if (memory.supersededBy() != null) {
            doc.add(new StringField(SUPERSEDED, "true", Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(CREATED_AT, memory.createdAt().toEpochMilli()));
        doc.add(new NumericDocValuesField(UPDATED_AT, memory.updatedAt().toEpochMilli()));
        doc.add(new TextField(CONTENT, KeywordText.of(memory), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new StoredField(SOURCE, MemoryJson.write(memory)));
        return doc;
    }

    static Memory source(Document stored) {
        BytesRef json = stored.getBinaryValue(SOURCE);
        return MemoryJson.read(Arrays.copyOfRange(json.bytes, json.offset, json.offset + json.length));
    }

    private static void addIfPresent(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }
}
