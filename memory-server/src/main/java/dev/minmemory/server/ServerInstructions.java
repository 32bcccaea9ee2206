package dev.minmemory.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The instructions {@code initialize} returns, read from {@value #RESOURCE}: the one copy of the text, which
 * docs/INSTRUCTIONS.md quotes verbatim (a test holds the two together). Served as the MCP server's
 * {@value #PROPERTY} so that the extension puts them into the handshake.
 */
public class ServerInstructions implements ConfigSource {

    static final String RESOURCE = "mcp/instructions.md";
    static final String PROPERTY = "quarkus.mcp.server.server-info.instructions";

    private final String text = read();

    public static String read() {
        try (InputStream in = ServerInstructions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The server instructions " + RESOURCE + " are missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, text);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? text : null;
    }

    @Override
    public String getName() {
        return RESOURCE;
    }
}
