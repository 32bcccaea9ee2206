package dev.minmemory.server.embedding;

import static dev.minmemory.server.embedding.Vectors.cosine;
import static dev.minmemory.server.embedding.Vectors.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoadingTest {

    @TempDir
    Path cacheDir;

    @Test
    void loadsTheFp32ModelAsWellAsTheInt8One() throws IOException {
        float[] fp32;
        float[] int8;
        try (OnnxBgeEmbedder embedder = OnnxBgeEmbedder.load(EmbeddingModel.BGE_SMALL_EN_V15, cacheDir, 2)) {
            fp32 = embedder.embed("Long-term memory for AI assistants");
        }
        try (OnnxBgeEmbedder embedder = OnnxBgeEmbedder.load(EmbeddingModel.BGE_SMALL_EN_V15_Q, cacheDir, 2)) {
            int8 = embedder.embed("Long-term memory for AI assistants");
        }

        assertThat(fp32).hasSize(384);
        assertThat(norm(fp32)).isCloseTo(1.0, within(1e-5));
        assertThat(cosine(fp32, int8)).isGreaterThan(0.9);
    }

    @Test
    void extractsTheModelFilesOnceAndReusesThemOnTheNextLoad() throws IOException {
        EmbeddingModel model = EmbeddingModel.BGE_SMALL_EN_V15_Q;
        Path modelFile = cacheDir.resolve("models").resolve(model.modelResource());
        Path tokenizerFile = cacheDir.resolve("models").resolve(model.tokenizerResource());

        OnnxBgeEmbedder.load(model, cacheDir, 1).close();
        Object modelFileKey = fileKey(modelFile);
        Object tokenizerFileKey = fileKey(tokenizerFile);
        OnnxBgeEmbedder.load(model, cacheDir, 1).close();

        assertThat(fileKey(modelFile)).isEqualTo(modelFileKey);
        assertThat(fileKey(tokenizerFile)).isEqualTo(tokenizerFileKey);
    }

    @Test
    void switchesDjlToOfflineModeAndCachesItsNativeLibrariesInTheCacheDirectory() throws IOException {
        OnnxBgeEmbedder.load(EmbeddingModel.BGE_SMALL_EN_V15_Q, cacheDir, 1).close();

        assertThat(System.getProperty(DjlOfflineSettings.OFFLINE)).isEqualTo("true");
        assertThat(System.getProperty(DjlOfflineSettings.OPT_OUT_TRACKING)).isEqualTo("true");
        // The first load in this JVM chose the DJL cache directory; DJL loads its natives only once.
        assertThat(System.getProperty(DjlOfflineSettings.CACHE_DIR)).endsWith("djl");
        assertThat(System.getProperty("onnxruntime.native.onnxruntime.path")).contains("onnxruntime");
    }

    private static Object fileKey(Path file) throws IOException {
        // Device and inode on Linux: a re-extracted file would be a new inode after the atomic move.
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
