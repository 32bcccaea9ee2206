package dev.minmemory.server.embedding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** DOWN until the embedding model is loaded, and for good if loading failed (with the reason). */
@Readiness
@ApplicationScoped
public class EmbeddingModelReadiness implements HealthCheck {

    static final String NAME = "embedding-model";

    private final BackgroundLoadingEmbedder embedder;

    @Inject
    public EmbeddingModelReadiness(BackgroundLoadingEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("model", embedder.model().id());
        if (embedder.isReady()) {
            return response.up().build();
        }
        return embedder.loadFailure()
                .map(reason -> response.down().withData("error", reason))
                .orElseGet(() -> response.down().withData("state", "loading"))
                .build();
    }
}
