package dev.minmemory.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The container builds in deploy/docker; their build context is the repository root. */
enum Dockerfile {
    MEMORY_SERVER("memory-server.Dockerfile"),
    OPERATOR("operator.Dockerfile");

    static final Path CONTEXT = Path.of("..");
    private static final Pattern INSTRUCTION = Pattern.compile("^([A-Z]+)\\s+(.*)$");

    private final String file;

    Dockerfile(String file) {
        this.file = file;
    }

    Path path() {
        return CONTEXT.resolve("deploy").resolve("docker").resolve(file);
    }

    /** The arguments of every instruction of this kind, with continuation lines joined. */
    List<String> instructions(String keyword) {
        try {
            String joined = Files.readString(path()).replaceAll("\\\\\\n\\s*", " ");
            return joined.lines()
                    .map(INSTRUCTION::matcher)
                    .filter(m -> m.matches() && m.group(1).equals(keyword))
                    .map(m -> m.group(2).trim())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
