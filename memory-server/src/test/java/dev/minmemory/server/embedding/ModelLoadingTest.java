package dev.minmemory.server.embedding;

import static dev.minmemory.server.embedding.Vectors.cosine;
import static dev.minmemory.server.embedding.Vectors.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoadingTest {

    @TempDir
    Path cacheDir;

    @Test
    void loadsTheFp32ModelAsWellAsTheInt8One() throws IOException {
        float[] fp32;
        float[] int8;
        try (OnnxEmbedder embedder = OnnxEmbedder.load(EmbeddingModel.BGE_SMALL_EN_V15, cacheDir, 2)) {
            fp32 = embedder.embedPassage("Long-term memory for AI assistants");
        }
        try (OnnxEmbedder embedder = OnnxEmbedder.load(EmbeddingModel.BGE_SMALL_EN_V15_Q, cacheDir, 2)) {
            int8 = embedder.embedPassage("Long-term memory for AI assistants");
        }

        assertThat(fp32).hasSize(384);
        assertThat(norm(fp32)).isCloseTo(1.0, within(1e-5));
        assertThat(cosine(fp32, int8)).isGreaterThan(0.9);
    }

    @Test
    void loadsE5AndEmbedsQuestionsAndPassagesWithTheirOwnPrefixes() throws IOException {
        try (OnnxEmbedder e5 = OnnxEmbedder.load(EmbeddingModel.E5_SMALL_V2_Q, cacheDir, 2)) {
            float[] query = e5.embedQuery("how much protein should a woman eat per day");
            float[] protein = e5.embedPassage("Women aged 19 to 70 need about 46 grams of protein a day.");
            float[] tides = e5.embedPassage("The tide comes in twice a day on this coast.");

            assertThat(e5.modelId()).isEqualTo("e5-small-v2-q");
            assertThat(query).hasSize(384);
            assertThat(norm(query)).isCloseTo(1.0, within(1e-5));
            assertThat(norm(protein)).isCloseTo(1.0, within(1e-5));
            assertThat(cosine(query, protein)).isGreaterThan(cosine(query, tides) + 0.05);
            // "query: " and "passage: " differ, so the same words embed differently on each side.
            assertThat(cosine(e5.embedQuery("tabs over spaces"), e5.embedPassage("tabs over spaces")))
                    .isLessThan(0.999);
        }
    }

    @Test
    void embedsQuestionsAndPassagesAlikeWithBgeWhichHasNoPrefixes() throws IOException {
        try (OnnxEmbedder bge = OnnxEmbedder.load(EmbeddingModel.BGE_SMALL_EN_V15_Q, cacheDir, 2)) {
            assertThat(bge.embedQuery("tabs over spaces")).containsExactly(bge.embedPassage("tabs over spaces"));
        }
    }

    @Test
    void givesTheVectorsThatStoredMemoriesWereEmbeddedWith() throws IOException {
        List<String[]> references = referenceVectors();
        assertThat(references).hasSize(4);
        for (EmbeddingModel model : EmbeddingModel.values()) {
            try (OnnxEmbedder embedder = OnnxEmbedder.load(model, cacheDir, 2)) {
                for (String[] reference : references) {
                    if (reference[0].equals(model.id())) {
                        float[] expected = parse(reference[2]);
                        assertThat(cosine(embedder.embedPassage(reference[1]), expected))
                                .as("%s: %s", model.id(), reference[1])
                                .isGreaterThan(0.9999);
                    }
                }
            }
        }
    }

    @Test
    void extractsTheModelFilesOnceAndReusesThemOnTheNextLoad() throws IOException {
        EmbeddingModel model = EmbeddingModel.BGE_SMALL_EN_V15_Q;
        Path modelFile = cacheDir.resolve("models").resolve(model.modelResource());
        Path tokenizerFile = cacheDir.resolve("models").resolve(model.tokenizerResource());

        OnnxEmbedder.load(model, cacheDir, 1).close();
        Object modelFileKey = fileKey(modelFile);
        Object tokenizerFileKey = fileKey(tokenizerFile);
        OnnxEmbedder.load(model, cacheDir, 1).close();

        assertThat(fileKey(modelFile)).isEqualTo(modelFileKey);
        assertThat(fileKey(tokenizerFile)).isEqualTo(tokenizerFileKey);
    }

    @Test
    void switchesDjlToOfflineModeAndCachesItsNativeLibrariesInTheCacheDirectory() throws IOException {
        OnnxEmbedder.load(EmbeddingModel.BGE_SMALL_EN_V15_Q, cacheDir, 1).close();

        assertThat(System.getProperty(DjlOfflineSettings.OFFLINE)).isEqualTo("true");
        assertThat(System.getProperty(DjlOfflineSettings.OPT_OUT_TRACKING)).isEqualTo("true");
        // The first load in this JVM chose the DJL cache directory; DJL loads its natives only once.
        assertThat(System.getProperty(DjlOfflineSettings.CACHE_DIR)).endsWith("djl");
        assertThat(System.getProperty("onnxruntime.native.onnxruntime.path")).contains("onnxruntime");
    }

    /** Model id, text, vector: see the file's first line. */
    private static List<String[]> referenceVectors() throws IOException {
        try (InputStream in = ModelLoadingTest.class.getResourceAsStream("/embedding/reference-vectors.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .toList();
        }
    }

    private static float[] parse(String vector) {
        String[] parts = vector.split(" ");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i]);
        }
        return values;
    }

    private static Object fileKey(Path file) throws IOException {
        // Device and inode on Linux: a re-extracted file would be a new inode after the atomic move.
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
