package dev.minmemory.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import jakarta.inject.Inject;

import dev.minmemory.server.embedding.BackgroundLoadingEmbedder;
import dev.minmemory.server.memory.ConfiguredEmbedding;
import dev.minmemory.server.memory.EmbeddingScheme;
import dev.minmemory.server.memory.MemoryBackend;
import dev.minmemory.server.memory.MemoryConfig;
import dev.minmemory.server.memory.Reembedding;
import dev.minmemory.server.stdio.StdioCommand;
import dev.minmemory.server.store.MemoryArchive;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Without arguments: the memory server, as always. With a command, a one-off job on whichever store the configuration
 * selects (the embedded store, or Qdrant when {@code QDRANT_URL} is set), without listening on HTTP:
 * <ul>
 * <li>{@code export --out FILE}: every memory, as JSON Lines ({@link MemoryArchive});</li>
 * <li>{@code import --in FILE}: saves every memory of such a file, ids, timestamps, links and deleted state as they
 * are;</li>
 * <li>{@code reembed}: gives every memory the vector of the configured embedding model and scheme, in place
 * ({@link Reembedding}); run with the server stopped, and again if it was interrupted.</li>
 * </ul>
 * {@code stdio} starts no Quarkus at all: it bridges MCP's stdio transport to the server of the data directory
 * ({@link StdioCommand}).
 */
@QuarkusMain
public class Main {

    static final List<String> COMMANDS = List.of("export", "import", "reembed");

    /** Whether these arguments ask for a one-off command rather than the server. */
    public static boolean isCommand(String... args) {
        return args != null && args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("stdio")) {
            System.exit(StdioCommand.run());
        }
        if (isCommand(args)) {
            // A command must not take the server's port, nor refuse to start because of the bind address.
            System.setProperty("quarkus.http.host-enabled", "false");
        }
        Quarkus.run(Commands.class, args);
    }

    public static class Commands implements QuarkusApplication {

        @Inject
        MemoryBackend store;

        @Inject
        MemoryConfig memory;

        @Inject
        BackgroundLoadingEmbedder embedder;

        @Override
        public int run(String... args) throws Exception {
            if (args.length == 0) {
                Quarkus.waitForExit();
                return 0;
            }
            try {
                return switch (args[0]) {
                    case "export" -> export(option(args, "--out"));
                    case "import" -> importFrom(option(args, "--in"));
                    case "reembed" -> reembed();
                    default -> usage("Unknown command '" + args[0] + "'.");
                };
            } catch (IllegalArgumentException e) {
                return usage(e.getMessage());
            } catch (RuntimeException e) {
                System.err.println(args[0] + " failed: " + e.getMessage());
                return 1;
            }
        }

        private int export(Path out) throws IOException {
            Path partial = out.resolveSibling(out.getFileName() + ".partial");
            long count;
            try (Writer writer = new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8)) {
                count = archive().export(store, writer);
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("Exported " + count + " memories from " + store.location() + " to " + out);
            return 0;
        }

        private int importFrom(Path in) throws IOException {
            try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
                long count = archive().importInto(store, reader);
                System.out.println("Compacting " + store.location() + " for fast searches…");
                store.compact();
                System.out.println("Imported " + count + " memories from " + in + " into " + store.location());
            }
            return 0;
        }

        private int reembed() {
            embedder.startLoading();
            EmbeddingScheme scheme = configured().layoutOfNewVectors(store.layout().keywordAnalysis())
                    .embeddingScheme();
            System.out.println("Re-embedding every memory of " + store.location() + " (" + store.layout() + ") with "
                    + embedder.modelId() + ", scheme " + scheme.id());
            long count = new Reembedding(embedder, scheme)
                    .run(store, done -> System.out.print("\rRe-embedded " + done + " memories"));
            System.out.println();
            System.out.println("Compacting " + store.location() + " for fast searches…");
            store.compact();
            System.out.println("Re-embedded " + count + " memories in " + store.location() + ": " + store.layout());
            return 0;
        }

        /** Export lines name the store's own model and scheme, which its vectors come from. */
        private MemoryArchive archive() {
            return new MemoryArchive(store.layout().embeddingModel(), store.layout().embeddingScheme());
        }

        private ConfiguredEmbedding configured() {
            return new ConfiguredEmbedding(embedder.modelId(), memory.embeddingScheme());
        }

        private static Path option(String[] args, String name) {
            for (int i = 1; i < args.length - 1; i++) {
                if (args[i].equals(name)) {
                    return Path.of(args[i + 1]);
                }
            }
            throw new IllegalArgumentException(args[0] + " needs " + name + " FILE.");
        }

        private static int usage(String problem) {
            System.err.println(problem
                    + "\nUsage: java -jar quarkus-run.jar [stdio | export --out FILE | import --in FILE | reembed]"
                    + "\nWithout a command the memory server starts; stdio bridges MCP's stdio transport to it, starting"
                    + " it in the background when it does not run. The store is the one the configuration selects:"
                    + " Qdrant when QDRANT_URL is set, otherwise the embedded store under MCP_DATA_DIR.");
            return 2;
        }
    }
}
