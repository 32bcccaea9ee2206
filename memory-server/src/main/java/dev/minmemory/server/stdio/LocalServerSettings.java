package dev.minmemory.server.stdio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;

import org.eclipse.microprofile.config.Config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Where the local memory server of this configuration listens and keeps its data, read from the same sources the server
 * reads (system properties, environment, application.properties) without starting Quarkus: a stdio process must not
 * open the store or the ports itself.
 */
record LocalServerSettings(String host, int port, int managementPort, Path dataDir) {

    /** Quarkus gives application.properties this ordinal, below the environment and system properties. */
    private static final int APPLICATION_PROPERTIES_ORDINAL = 250;

    static LocalServerSettings load() {
        URL properties = Thread.currentThread().getContextClassLoader().getResource("application.properties");
        try {
            SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors();
            if (properties != null) {
                builder.withSources(new PropertiesConfigSource(properties, APPLICATION_PROPERTIES_ORDINAL));
            }
            return from(builder.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalServerSettings from(Config config) {
        return new LocalServerSettings(loopbackFor(config.getValue("quarkus.http.host", String.class)),
                config.getValue("quarkus.http.port", Integer.class),
                config.getValue("quarkus.management.port", Integer.class),
                Path.of(config.getValue("memory.data-dir", String.class)).toAbsolutePath());
    }

    /** A server bound to every address is reached on loopback. */
    static String loopbackFor(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
    }

    Path log() {
        return dataDir.resolve("server.log");
    }
}
