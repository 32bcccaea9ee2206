package dev.minmemory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What can be checked of the container builds without a Docker engine: their inputs and their settings. */
class DockerfilesTest {

    @ParameterizedTest
    @EnumSource(Dockerfile.class)
    void imageRunsAsTheNonRootUserThePodsExpect(Dockerfile dockerfile) {
        // uid 185 is what the chart's and the operator's pod security contexts run as.
        assertThat(dockerfile.instructions("USER")).containsExactly("185:185");
    }

    @ParameterizedTest
    @EnumSource(Dockerfile.class)
    void baseImageIsPinnedToAPatchRelease(Dockerfile dockerfile) {
        assertThat(dockerfile.instructions("ARG")).anySatisfy(arg -> assertThat(arg)
                .matches("BASE_IMAGE=eclipse-temurin:17\\.0\\.\\d+_\\d+-jre-\\w+"));
        assertThat(dockerfile.instructions("FROM")).allSatisfy(from -> assertThat(from).startsWith("${BASE_IMAGE}"));
    }

    @ParameterizedTest
    @EnumSource(Dockerfile.class)
    void jvmSizesItsHeapToTheContainerAndExitsOnOutOfMemory(Dockerfile dockerfile) {
        assertThat(dockerfile.instructions("ENTRYPOINT")).singleElement().satisfies(entrypoint -> assertThat(entrypoint)
                .contains("\"-XX:MaxRAMPercentage=").contains("\"-XX:+ExitOnOutOfMemoryError\"")
                .contains("quarkus-run.jar\"]"));
    }

    @Test
    void memoryServerImageReadsItsModelFromTheBakedCacheAndWritesOnlyToVolumes() {
        assertThat(Dockerfile.MEMORY_SERVER.instructions("ENV")).singleElement().satisfies(env -> assertThat(env)
                .contains("MEMORY_EMBEDDING_CACHE_DIR=/opt/min-memory/model-cache")
                .contains("MCP_DATA_DIR=/var/lib/min-memory")
                .contains("DJL_CACHE_DIR=/tmp/djl")
                .contains("QUARKUS_HTTP_HOST=0.0.0.0").contains("QUARKUS_MANAGEMENT_HOST=0.0.0.0"));
        assertThat(Dockerfile.MEMORY_SERVER.instructions("RUN"))
                .contains("extract-model-cache.sh /opt/min-memory/app /opt/min-memory/model-cache");
        assertThat(Files.isExecutable(Dockerfile.CONTEXT.resolve("deploy/docker/extract-model-cache.sh"))).isTrue();
    }
}
