package dev.minmemory.server.stdio;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The memory server of the configured data directory, started in the background when none runs. The data directory's
 * {@link ServerRecord} says whether one runs and where; a lock file in the data directory makes concurrent stdio
 * processes take turns, so that the first starts the server and the others find it.
 */
final class LocalServer implements Supplier<URI> {

    static final String LAUNCH_LOCK = "stdio-launch.lock";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final LocalServerSettings settings;
    private final HttpClient http;
    private final List<String> launchCommand;
    private final PrintStream log;

    /** @param launchCommand the command that starts a server with this process's configuration */
    LocalServer(LocalServerSettings settings, HttpClient http, List<String> launchCommand, PrintStream log) {
        this.settings = settings;
        this.http = http;
        this.launchCommand = launchCommand;
        this.log = log;
    }

    /** The command that starts this jar as a server: the same Java and system properties, in its own session. */
    static List<String> sameJarCommand() {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            throw new StdioFailure("stdio needs the packaged server: java -jar quarkus-run.jar stdio.");
        }
        List<String> command = new ArrayList<>();
        executableOnPath("setsid").or(() -> executableOnPath("nohup")).ifPresent(command::add);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Configuration given as system properties applies to the server too; heap and other JVM options were chosen
        // for this small process and would not suit the server.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(option -> option.startsWith("-D"))
                .forEach(command::add);
        command.add("-jar");
        command.add(Path.of(classPath).toAbsolutePath().toString());
        return command;
    }

    @Override
    public URI get() {
        try {
            return ensureRunning();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StdioFailure("Interrupted while waiting for the memory server.");
        }
    }

    URI ensureRunning() throws IOException, InterruptedException {
        Path dataDir = settings.dataDir();
        Files.createDirectories(dataDir);
        try (FileChannel channel = FileChannel.open(dataDir.resolve(LAUNCH_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock turn = channel.lock()) {
            Instant deadline = Instant.now().plus(READY_TIMEOUT);
            Optional<ServerRecord> running = ServerRecord.read(dataDir).filter(ServerRecord::isAlive);
            if (running.isPresent()) {
                awaitReady(running.get(), deadline);
                return running.get().mcp();
            }
            refuseIfTaken(settings.port(), "PORT");
            refuseIfTaken(settings.managementPort(), "MANAGEMENT_PORT");
            log.println("min-memory stdio: starting the memory server for " + dataDir + " in the background (log: "
                    + settings.log() + ").");
            Process process = launch();
            ServerRecord started = awaitRecord(process, deadline);
            awaitReady(started, deadline);
            log.println("min-memory stdio: the memory server is ready at " + started.mcp() + ".");
            return started.mcp();
        }
    }

    private Process launch() throws IOException {
        Process process = new ProcessBuilder(launchCommand).redirectErrorStream(true)
                .redirectOutput(settings.log().toFile()).start();
        process.getOutputStream().close();
        return process;
    }

    private ServerRecord awaitRecord(Process process, Instant deadline) throws IOException, InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            Optional<ServerRecord> record = ServerRecord.read(settings.dataDir()).filter(ServerRecord::isAlive);
            if (record.isPresent()) {
                return record.get();
            }
            if (!process.isAlive()) {
                throw new StdioFailure("The memory server exited (code " + process.exitValue() + ") before it"
                        + " listened: " + lastLine(settings.log()) + " (log: " + settings.log() + ")");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new StdioFailure("The memory server did not start listening within " + READY_TIMEOUT.toSeconds()
                + " s (log: " + settings.log() + ").");
    }

    private void awaitReady(ServerRecord server, Instant deadline) throws InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(server.ready()).timeout(PROBE_TIMEOUT).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new StdioFailure("The memory server (pid " + server.pid() + ") stopped before it was ready: "
                        + lastLine(settings.log()) + " (log: " + settings.log() + ")");
            }
            try {
                if (http.send(probe, BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new StdioFailure("The memory server at " + server.mcp() + " was not ready within "
                + READY_TIMEOUT.toSeconds() + " s (" + server.ready() + ").");
    }

    /** Without a live record for this data directory, whatever answers on the port is not its server. */
    private void refuseIfTaken(int port, String variable) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.host(), port), (int) PROBE_TIMEOUT.toMillis());
        } catch (IOException e) {
            return;
        }
        throw new StdioFailure("Port " + port + " on " + settings.host() + " is in use by another process, not by a"
                + " memory server of " + settings.dataDir() + ": stop that process, or set " + variable
                + " to a free port.");
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
            return "(its log is empty)";
        } catch (IOException e) {
            return "(its log cannot be read: " + e.getMessage() + ")";
        }
    }

    private static Optional<String> executableOnPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
                return Optional.of(Path.of(directory, name).toString());
            }
        }
        return Optional.empty();
    }
}
