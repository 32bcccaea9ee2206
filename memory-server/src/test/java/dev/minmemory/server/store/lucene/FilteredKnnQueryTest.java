package dev.minmemory.server.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilteredKnnQueryTest {

    private static final int DOCS = 8_000;
    /**
     * 2 000 documents each: below the exact-search bound at 384 dimensions, and a quarter of the segment, a filter
     * under which a plain graph walk finds enough matches and stops with an approximate answer.
     */
    private static final int GROUPS = 4;
    private static final int DIMENSION = 384;

    private final Random random = new Random(7);
    private final float[][] vectors = new float[DOCS][];
    private Directory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeEach
    void indexDocumentsInGroups() throws IOException {
        directory = new ByteBuffersDirectory();
        // One segment, as the bounds are per segment.
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(256))) {
            for (int doc = 0; doc < DOCS; doc++) {
                vectors[doc] = randomUnitVector();
                Document document = new Document();
                document.add(new StringField("group", group(doc), Field.Store.NO));
                document.add(new StoredField("n", doc));
                document.add(new KnnFloatVectorField("v", vectors[doc], VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(document);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void aFilterLeavingFewEnoughDocumentsGetsTheExactNearestOnes() throws IOException {
        Query oneGroup = new TermQuery(new Term("group", group(3)));
        for (int i = 0; i < 20; i++) {
            float[] target = randomUnitVector();

            assertThat(nearest(new FilteredKnnQuery("v", target, 10, oneGroup)))
                    .containsExactlyElementsOf(exactNearest(target, 10, 3));
        }
    }

    private List<Integer> nearest(Query query) throws IOException {
        ScoreDoc[] hits = searcher.search(query, 10).scoreDocs;
        List<Integer> docs = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            docs.add(searcher.storedFields().document(hit.doc).getField("n").numericValue().intValue());
        }
        return docs;
    }

    /** The k nearest documents of the group, by brute force. */
    private List<Integer> exactNearest(float[] target, int k, int group) {
        return IntStream.range(0, DOCS).boxed()
                .filter(doc -> doc % GROUPS == group)
                .sorted(Comparator.comparingDouble((Integer doc) -> dot(vectors[doc], target)).reversed())
                .limit(k).toList();
    }

    private static String group(int doc) {
        return "g" + doc % GROUPS;
    }

    private float[] randomUnitVector() {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < DIMENSION; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
