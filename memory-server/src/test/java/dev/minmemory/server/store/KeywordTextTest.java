package dev.minmemory.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class KeywordTextTest {

    @Test
    void questionWordsPronounsAndPossessivesAreDroppedAndWordsStemmed() throws IOException {
        assertThat(terms("What did she say about Alice's brothers when they moved?"))
                .containsExactly("sai", "alic", "brother", "move");
    }

    @Test
    void identifiersKeepTheirDigitsAndSplitTheSameWayInQueriesAndMemories() throws IOException {
        List<String> memory = terms("Billing fails with PAY-77341 on orders.v2.dlq");

        assertThat(memory).contains("77341");
        assertThat(terms("PAY-77341")).isSubsetOf(memory);
        assertThat(terms("orders.v2.dlq")).isSubsetOf(memory);
    }

    private static List<String> terms(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (Analyzer analyzer = KeywordText.analyzer(); TokenStream tokens = analyzer.tokenStream("content", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        }
        return terms;
    }
}
