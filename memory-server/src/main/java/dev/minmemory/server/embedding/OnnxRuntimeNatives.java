package dev.minmemory.server.embedding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ai.onnxruntime.OrtEnvironment;

/**
 * Extracts ONNX Runtime's native libraries (~20 MB) into the cache directory once and tells ONNX Runtime to load
 * them from there. Left alone, it copies them into a fresh directory under {@code java.io.tmpdir} on every start,
 * often a memory-backed volume in containers. ONNX Runtime still creates and deletes an empty directory there, so
 * {@code java.io.tmpdir} must stay writable.
 */
final class OnnxRuntimeNatives {

    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private OnnxRuntimeNatives() {
    }

    /**
     * Must run before ONNX Runtime loads. Does nothing when the operator set the library paths already or when
     * ONNX Runtime has no bundled library for this platform (it then falls back to {@code java.library.path}).
     */
    static synchronized void useCacheDir(Path cacheDir) throws IOException {
        // A class literal does not initialise the class, so this does not load the libraries yet.
        String version = OrtEnvironment.class.getPackage().getImplementationVersion();
        Path dir = cacheDir.resolve("onnxruntime").resolve(version + "-" + platform());
        for (String library : LIBRARIES) {
            String property = "onnxruntime.native." + library + ".path";
            String fileName = System.mapLibraryName(library).replace("jnilib", "dylib");
            String resource = "ai/onnxruntime/native/" + platform() + "/" + fileName;
            if (System.getProperty(property) != null
                    || OnnxRuntimeNatives.class.getClassLoader().getResource(resource) == null) {
                continue;
            }
            Path file = ClasspathResourceExtractor.extract(resource, dir.resolve(fileName));
            System.setProperty(property, file.toAbsolutePath().toString());
        }
    }

    /** The directory name ONNX Runtime's jar uses for this platform, e.g. {@code linux-x64}. */
    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch;
        return osName + "-" + archName;
    }
}
