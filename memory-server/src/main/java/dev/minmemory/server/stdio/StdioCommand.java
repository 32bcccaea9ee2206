package dev.minmemory.server.stdio;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code stdio}: MCP over stdin and stdout for clients that start their server as a subprocess. The embedded store
 * admits one process per data directory, so this process holds no store: it bridges to the local HTTP server of the
 * same data directory, starting it in the background when none runs, and any number of stdio clients share it.
 */
public final class StdioCommand {

    private StdioCommand() {
    }

    /** Bridges until stdin ends; returns the exit code. Only JSON-RPC goes to stdout, everything else to stderr. */
    public static int run() {
        PrintStream log = System.err;
        Writer protocol = new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        System.setOut(log);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            LocalServer server = new LocalServer(LocalServerSettings.load(), http, LocalServer.sameJarCommand(), log);
            StdioBridge bridge = new StdioBridge(http, server, protocol, log);
            Runtime.getRuntime().addShutdownHook(new Thread(bridge::closeSession, "stdio-close"));
            bridge.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            return 0;
        } catch (StdioFailure e) {
            log.println("min-memory stdio: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            log.println("min-memory stdio: " + e);
            return 1;
        }
    }
}
