package dev.minmemory.operator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** Operator-wide settings, from application.properties or MINMEMORY_OPERATOR_* environment variables. */
@ConfigMapping(prefix = "minmemory.operator")
public interface OperatorConfig {

    /** Image used when a MemoryServer does not name one (the single place the default is defined). */
    @WithName("server-image")
    String serverImage();

    /** Qdrant image used when a MemoryServer does not name one. */
    @WithName("qdrant-image")
    String qdrantImage();

    /**
     * Server-side apply for the managed objects. On in production; off only against API servers without SSA,
     * such as the fabric8 mock server used by the tests.
     */
    @WithName("server-side-apply")
    boolean serverSideApply();
}
