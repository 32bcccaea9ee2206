package dev.minmemory.server.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a directory and the files in it unwritable for real, also for root (whom permissions do not stop): Linux's
 * immutable attribute ({@code chattr +i}) refuses creating, renaming and deleting files in the directory and writing
 * to those files, even through descriptors opened before. Skips the test where the attribute cannot be set.
 */
public final class ReadOnlyFiles implements AutoCloseable {

    private final List<Path> frozen = new ArrayList<>();

    private ReadOnlyFiles() {
    }

    /** The directory alone: files in it stay writable, no file can be created or removed. */
    public static ReadOnlyFiles directory(Path directory) throws IOException {
        ReadOnlyFiles files = new ReadOnlyFiles();
        files.freeze(directory);
        return files;
    }

    /** The directory and every file in it. */
    public static ReadOnlyFiles directoryAndFiles(Path directory) throws IOException {
        ReadOnlyFiles files = directory(directory);
        try (Stream<Path> inside = Files.list(directory)) {
            for (Path file : inside.filter(Files::isRegularFile).toList()) {
                files.freeze(file);
            }
        }
        return files;
    }

    private void freeze(Path path) throws IOException {
        boolean frozenNow = chattr("+i", path);
        if (!frozenNow) {
            close();
        }
        assumeTrue(frozenNow, "chattr +i is not permitted here (it needs CAP_LINUX_IMMUTABLE and ext4 or alike)");
        frozen.add(path);
    }

    /** Writable again. */
    @Override
    public void close() throws IOException {
        for (Path path : frozen) {
            chattr("-i", path);
        }
        frozen.clear();
    }

    private static boolean chattr(String flag, Path path) throws IOException {
        try {
            Process process = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
