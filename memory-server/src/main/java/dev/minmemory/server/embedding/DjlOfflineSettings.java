package dev.minmemory.server.embedding;

import java.nio.file.Path;

/**
 * Keeps DJL from making any network connection. By default DJL calls the EC2 metadata address and an S3
 * telemetry URL when its engine starts. DJL reads these settings when its classes initialise, so
 * {@link #apply} must run before any DJL class is touched.
 */
final class DjlOfflineSettings {

    static final String OFFLINE = "ai.djl.offline";
    static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";
    static final String CACHE_DIR = "DJL_CACHE_DIR";

    private DjlOfflineSettings() {
    }

    /**
     * Sets DJL offline, opts out of tracking and, unless the operator chose a DJL cache directory (environment
     * variable or system property {@code DJL_CACHE_DIR}), caches DJL's native libraries under
     * {@code cacheDir/djl} instead of {@code ~/.djl.ai}.
     */
    static synchronized void apply(Path cacheDir) {
        System.setProperty(OFFLINE, "true");
        System.setProperty(OPT_OUT_TRACKING, "true");
        if (System.getenv(CACHE_DIR) == null && System.getProperty(CACHE_DIR) == null) {
            System.setProperty(CACHE_DIR, cacheDir.resolve("djl").toAbsolutePath().toString());
        }
    }
}
