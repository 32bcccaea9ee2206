package dev.minmemory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The container builds copy the packaged applications, so this runs after the reactor has packaged them. */
class DockerBuildContextIT {

    @ParameterizedTest
    @EnumSource(Dockerfile.class)
    void everyFileCopiedFromTheBuildContextExistsAfterTheBuild(Dockerfile dockerfile) {
        List<String> sources = dockerfile.instructions("COPY").stream()
                .filter(copy -> !copy.startsWith("--from="))
                .flatMap(copy -> {
                    String[] words = copy.split("\\s+");
                    return Arrays.stream(words, 0, words.length - 1);
                })
                .toList();

        assertThat(sources).isNotEmpty()
                .allSatisfy(source -> assertThat(Dockerfile.CONTEXT.resolve(source)).exists());
        assertThat(sources).anySatisfy(source -> assertThat(Dockerfile.CONTEXT.resolve(source))
                .isDirectoryContaining("glob:**/quarkus-run.jar"));
    }
}
