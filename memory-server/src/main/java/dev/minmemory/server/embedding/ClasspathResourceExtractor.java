package dev.minmemory.server.embedding;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies classpath resources to files, once: native code and ONNX Runtime need real files, and loading a model
 * from a stream would hold it on the heap twice.
 */
final class ClasspathResourceExtractor {

    private ClasspathResourceExtractor() {
    }

    /**
     * Returns {@code target}, first copying the resource there unless a file of the same size is already there.
     * The copy goes through a temporary file and an atomic move, so other processes sharing the directory never
     * see a half-written file.
     */
    static Path extract(String resource, Path target) throws IOException {
        URL url = ClasspathResourceExtractor.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new FileNotFoundException("classpath resource not found: " + resource);
        }
        URLConnection connection = url.openConnection();
        // Jar connections cache the jar file; not caching keeps it from staying open after the copy.
        connection.setUseCaches(false);
        long size = connection.getContentLengthLong();
        if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
            return target;
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            moveAtomically(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
