package dev.minmemory.server.bench;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The LoCoMo benchmark's baseline (bench/locomo.mjs): a plain BM25 over the same turn texts the server stores, one
 * index per conversation. Lucene's defaults on purpose: {@code StandardAnalyzer} with no stop words, BM25 with
 * k1 = 1.2 and b = 0.75, every question word a SHOULD clause.
 *
 * <pre>LocomoBm25 IN.json OUT.json</pre>
 * IN is a list of conversations {@code {turns: [{id, text}], questions: [text]}}; OUT the ids of the best
 * {@link #DEPTH} turns for each question, per conversation.
 */
public final class LocomoBm25 {

    static final int DEPTH = 10;
    private static final String TEXT = "text";
    private static final String ID = "id";

    record Turn(String id, String text) {
    }

    record Conversation(List<Turn> turns, List<String> questions) {
    }

    private LocomoBm25() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Conversation[] conversations = json.readValue(new File(args[0]), Conversation[].class);
        List<List<List<String>>> rankings = new ArrayList<>();
        for (Conversation conversation : conversations) {
            rankings.add(rank(conversation));
        }
        json.writeValue(new File(args[1]), rankings);
    }

    static List<List<String>> rank(Conversation conversation) throws IOException {
        try (Analyzer analyzer = new StandardAnalyzer(); Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Turn turn : conversation.turns()) {
                    Document document = new Document();
                    document.add(new StoredField(ID, turn.id()));
                    document.add(new TextField(TEXT, turn.text(), Field.Store.NO));
                    writer.addDocument(document);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryBuilder queries = new QueryBuilder(analyzer);
                List<List<String>> ranked = new ArrayList<>();
                for (String question : conversation.questions()) {
                    Query query = queries.createBooleanQuery(TEXT, question);
                    List<String> ids = new ArrayList<>();
                    if (query != null) {
                        for (ScoreDoc hit : searcher.search(query, DEPTH).scoreDocs) {
                            ids.add(searcher.storedFields().document(hit.doc).get(ID));
                        }
                    }
                    ranked.add(ids);
                }
                return ranked;
            }
        }
    }
}
