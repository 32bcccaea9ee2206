package dev.minmemory.operator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The operator's own application.properties, read per profile as Quarkus reads it. */
class OperatorConfigTest {

    @ParameterizedTest(name = "profile {0}: server-side apply {1}")
    @CsvSource({ "prod, true", "test, false" })
    void serverSideApplyIsOnInProductionAndOffAgainstTheTestApiServer(String profile, boolean ssa) throws IOException {
        SmallRyeConfig config = config(profile);

        assertThat(config.getConfigMapping(OperatorConfig.class).serverSideApply()).isEqualTo(ssa);
        assertThat(config.getValue("quarkus.operator-sdk.enable-ssa", Boolean.class)).isEqualTo(ssa);
    }

    @ParameterizedTest(name = "profile {0}")
    @CsvSource({ "prod", "test" })
    void defaultImagesAreDefinedOnceAndPinned(String profile) throws IOException {
        var operator = config(profile).getConfigMapping(OperatorConfig.class);

        assertThat(operator.serverImage()).startsWith("ghcr.io/min-memory/memory-server:").doesNotEndWith(":latest");
        assertThat(operator.qdrantImage()).startsWith("docker.io/qdrant/qdrant:v");
    }

    private static SmallRyeConfig config(String profile) throws IOException {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(
                        OperatorConfigTest.class.getResource("/application.properties"), 100))
                .withProfile(profile)
                .withMapping(OperatorConfig.class)
                .build();
    }
}
