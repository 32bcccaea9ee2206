package dev.minmemory.server.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathResourceExtractorTest {

    private static final String RESOURCE = EmbeddingModel.BGE_SMALL_EN_V15_Q.tokenizerResource();

    @TempDir
    Path dir;

    @Test
    void copiesAResourceToTheTargetFile() throws IOException {
        Path target = ClasspathResourceExtractor.extract(RESOURCE, dir.resolve("sub").resolve("tokenizer.json"));

        assertThat(target).hasBinaryContent(resourceBytes());
    }

    @Test
    void leavesAFileOfTheSameSizeAlone() throws IOException {
        Path target = ClasspathResourceExtractor.extract(RESOURCE, dir.resolve("tokenizer.json"));
        FileTime marker = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(target, marker);

        ClasspathResourceExtractor.extract(RESOURCE, target);

        assertThat(Files.getLastModifiedTime(target)).isEqualTo(marker);
    }

    @Test
    void replacesAFileOfADifferentSizeSuchAsAnInterruptedCopy() throws IOException {
        Path target = dir.resolve("tokenizer.json");
        Files.writeString(target, "{\"truncated");

        ClasspathResourceExtractor.extract(RESOURCE, target);

        assertThat(target).hasBinaryContent(resourceBytes());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void reportsAMissingResource() {
        assertThatThrownBy(() -> ClasspathResourceExtractor.extract("no-such-model.onnx", dir.resolve("x")))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("no-such-model.onnx");
    }

    private byte[] resourceBytes() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        }
    }
}
