package dev.minmemory.server.embedding;

import static dev.minmemory.server.embedding.Vectors.cosine;
import static dev.minmemory.server.embedding.Vectors.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxEmbedderTest {

    private static final String CAT = "The cat sits on the mat";
    private static final String KITTEN = "A kitten is resting on a rug";
    private static final String REVENUE = "Quarterly revenue grew by 12 percent";

    @TempDir
    static Path cacheDir;
    static OnnxEmbedder embedder;

    @BeforeAll
    static void loadModel() throws Exception {
        embedder = OnnxEmbedder.load(EmbeddingModel.BGE_SMALL_EN_V15_Q, cacheDir, 2);
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @Test
    void producesUnitLengthVectorsOf384Dimensions() {
        float[] vector = embedder.embedPassage(CAT);

        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(vector).hasSize(384);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void returnsTheSameVectorForTheSameText() {
        assertThat(embedder.embedPassage(CAT)).containsExactly(embedder.embedPassage(CAT));
    }

    @Test
    void placesAParaphraseCloserThanAnUnrelatedSentence() {
        float[] cat = embedder.embedPassage(CAT);

        assertThat(cosine(cat, embedder.embedPassage(KITTEN)))
                .isGreaterThan(cosine(cat, embedder.embedPassage(REVENUE)) + 0.1);
    }

    @Test
    void givesNearlyTheSameVectorsInABatchAsOneByOne() {
        List<String> texts = List.of(CAT, KITTEN, REVENUE, "short", "a somewhat longer sentence about memory servers");

        List<float[]> batch = embedder.embedPassages(texts);

        assertThat(batch).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(batch.get(i), embedder.embedPassage(texts.get(i)))).as(texts.get(i)).isGreaterThan(0.99);
        }
    }

    @Test
    void keepsInputOrderWhenALargeBatchIsSplitIntoSeveralModelCalls() {
        List<String> texts = IntStream.range(0, 2 * OnnxEmbedder.MAX_BATCH_SIZE + 5)
                .mapToObj(i -> i % 10 == 3 ? words(600) + " " + i : "memory number " + i + " is about topic " + i)
                .collect(Collectors.toList());

        List<float[]> batch = embedder.embedPassages(texts);

        assertThat(batch).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(batch.get(i), embedder.embedPassage(texts.get(i)))).as("text %d", i).isGreaterThan(0.99);
        }
    }

    @Test
    void returnsNoVectorsForNoTexts() {
        assertThat(embedder.embedPassages(List.of())).isEmpty();
    }

    @Test
    void truncatesVeryLongTextsToTheModelsInputWindow() {
        String fiveThousandWords = words(5_000);

        float[] vector = embedder.embedPassage(fiveThousandWords);

        assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
        // Only the first 510 words fit the 512-token window, so whatever follows them cannot change the vector.
        assertThat(vector).containsExactly(embedder.embedPassage(fiveThousandWords + " and a different ending"));
    }

    @Test
    void rejectsEmptyAndBlankText() {
        assertThatThrownBy(() -> embedder.embedPassage("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> embedder.embedPassage(" \n\t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> embedder.embedPassage(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsABatchWithABlankTextNamingItsPosition() {
        assertThatThrownBy(() -> embedder.embedPassages(List.of(CAT, "  ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("texts[1]");
    }

    @Test
    void givesEveryOneOfEightConcurrentCallersItsOwnCorrectVector() throws Exception {
        List<String> texts = IntStream.range(0, 8)
                .mapToObj(i -> "thread " + i + " remembers that the build uses Maven and Quarkus " + i)
                .collect(Collectors.toList());
        List<float[]> expected = texts.stream().map(embedder::embedPassage).collect(Collectors.toList());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<float[]>>> results = new ArrayList<>();
            for (String text : texts) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<float[]> vectors = new ArrayList<>();
                    for (int round = 0; round < 10; round++) {
                        vectors.add(embedder.embedPassage(text));
                    }
                    return vectors;
                }));
            }
            start.countDown();

            for (int i = 0; i < texts.size(); i++) {
                for (float[] vector : results.get(i).get()) {
                    assertThat(cosine(vector, expected.get(i))).isCloseTo(1.0, within(1e-5));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String words(int count) {
        String[] vocabulary = { "memory", "server", "vector", "search", "quarkus", "lucene", "model", "token" };
        return IntStream.range(0, count).mapToObj(i -> vocabulary[i % vocabulary.length])
                .collect(Collectors.joining(" "));
    }
}
