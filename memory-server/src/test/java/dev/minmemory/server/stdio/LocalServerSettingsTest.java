package dev.minmemory.server.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class LocalServerSettingsTest {

    private static LocalServerSettings settings(Map<String, String> properties) {
        return LocalServerSettings.from(new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "test")).build());
    }

    @Test
    void theServersPortsHostAndDataDirectoryAreRead() {
        LocalServerSettings settings = settings(Map.of("quarkus.http.host", "127.0.0.1", "quarkus.http.port",
                "${PORT_OF_TEST:8181}", "quarkus.management.port", "9191", "memory.data-dir", "/srv/memory"));

        assertThat(settings).isEqualTo(new LocalServerSettings("127.0.0.1", 8181, 9191, Path.of("/srv/memory")));
        assertThat(settings.log()).isEqualTo(Path.of("/srv/memory/server.log"));
    }

    @Test
    void aServerOnEveryAddressIsReachedOnLoopback() {
        LocalServerSettings settings = settings(Map.of("quarkus.http.host", "0.0.0.0", "quarkus.http.port", "8080",
                "quarkus.management.port", "9000", "memory.data-dir", "data"));

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.dataDir()).isAbsolute();
    }

    @Test
    void theApplicationsOwnPropertiesGiveTheDefaults() {
        LocalServerSettings settings = LocalServerSettings.load();

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(Integer.parseInt(System.getenv().getOrDefault("PORT", "8080")));
    }
}
