package dev.minmemory.server.stdio;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Which process serves a data directory, and where: {@code server.json} in the data directory, written by the server
 * once it listens and removed when it stops. It is how a stdio process tells the server of its own data directory
 * from a stale record (the process is gone, or its pid now belongs to another process) and from whatever else may be
 * listening on the port.
 *
 * @param pid the server's process id
 * @param started when that process started, so that a reused pid is not mistaken for the server
 * @param mcp the MCP endpoint
 * @param ready the readiness endpoint of the management interface
 */
public record ServerRecord(long pid, Instant started, URI mcp, URI ready) {

    static final String FILE_NAME = "server.json";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The record of the running process. */
    public static ServerRecord ofThisProcess(String host, int port, int managementPort) {
        ProcessHandle self = ProcessHandle.current();
        return new ServerRecord(self.pid(), self.info().startInstant().orElse(null),
                URI.create("http://" + host + ":" + port + "/mcp"),
                URI.create("http://" + host + ":" + managementPort + "/q/health/ready"));
    }

    /** The data directory's record; none when it is missing or unreadable. */
    public static Optional<ServerRecord> read(Path dataDir) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(dataDir.resolve(FILE_NAME)), ServerRecord.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void write(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path partial = dataDir.resolve(FILE_NAME + ".partial");
        JSON.writeValue(partial.toFile(), this);
        Files.move(partial, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the record if it is still this one (a newer server may have replaced it). */
    public void remove(Path dataDir) throws IOException {
        if (read(dataDir).filter(this::equals).isPresent()) {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        }
    }

    /** Whether the recorded process still runs: the same pid, started at the same time. */
    boolean isAlive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> started == null || process.info().startInstant().map(started::equals).orElse(true))
                .isPresent();
    }
}
