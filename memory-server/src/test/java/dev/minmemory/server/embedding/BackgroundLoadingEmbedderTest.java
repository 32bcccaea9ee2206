package dev.minmemory.server.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import dev.minmemory.server.memory.Embedder;
import dev.minmemory.server.memory.EmbeddingModelUnavailableException;
import dev.minmemory.server.memory.EmbeddingScheme;
import dev.minmemory.server.memory.IndexLayout;

class BackgroundLoadingEmbedderTest {

    private static final EmbeddingModel MODEL = EmbeddingModel.BGE_SMALL_EN_V15_Q;

    private final CountDownLatch releaseLoad = new CountDownLatch(1);
    private final FixedEmbedder loadedEmbedder = new FixedEmbedder();

    @Test
    void isNotReadyAndReportsLoadingUntilTheModelIsLoaded() throws Exception {
        BackgroundLoadingEmbedder embedder = blockedUntilReleased(Duration.ofSeconds(10));
        EmbeddingModelReadiness readiness = new EmbeddingModelReadiness(embedder);

        embedder.startLoading();

        assertThat(embedder.isReady()).isFalse();
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(readiness.call().getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("model", MODEL.id())
                .containsEntry("state", "loading"));

        releaseLoad.countDown();
        embedder.embedPassage("wait for it");

        assertThat(embedder.isReady()).isTrue();
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(readiness.call().getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("model", MODEL.id()));
    }

    @Test
    void letsCallersWaitForTheModelToFinishLoading() throws Exception {
        BackgroundLoadingEmbedder embedder = blockedUntilReleased(Duration.ofSeconds(10));
        embedder.startLoading();

        CompletableFuture<float[]> pending = CompletableFuture.supplyAsync(() -> embedder.embedQuery("hello"));
        releaseLoad.countDown();

        assertThat(pending.get(10, TimeUnit.SECONDS)).containsExactly(FixedEmbedder.VECTOR);
        assertThat(embedder.embedPassages(List.of("a", "b"))).hasSize(2);
    }

    @Test
    void failsCallersWithAClearMessageWhenTheModelIsStillLoadingAfterTheMaximumWait() {
        BackgroundLoadingEmbedder embedder = blockedUntilReleased(Duration.ofMillis(50));
        embedder.startLoading();

        assertThatThrownBy(() -> embedder.embedQuery("hello"))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessage("embedding model is still loading: " + MODEL.id());
        releaseLoad.countDown();
    }

    @Test
    void reportsALoadFailureToCallersAndKeepsReadinessDownWithTheReason() {
        BackgroundLoadingEmbedder embedder = new BackgroundLoadingEmbedder(MODEL, () -> {
            throw new IOException("disk full");
        }, Duration.ofSeconds(10));
        EmbeddingModelReadiness readiness = new EmbeddingModelReadiness(embedder);
        embedder.startLoading();

        assertThatThrownBy(() -> embedder.embedQuery("hello"))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("failed to load: disk full")
                .hasRootCauseInstanceOf(IOException.class);
        assertThat(embedder.isReady()).isFalse();
        assertThat(embedder.loadFailure()).contains("disk full");
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(readiness.call().getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("model", MODEL.id())
                .containsEntry("error", "disk full"));
    }

    @Test
    void servesTheConfiguredModelWhateverTheStoreRecords() {
        IndexLayout e5Store = new IndexLayout("e5-small-v2-q", EmbeddingScheme.ENTITY_TEXT, "any");

        assertThat(BackgroundLoadingEmbedder.servedModel(Optional.of(MODEL.id()), Optional.of(e5Store)))
                .isEqualTo(MODEL);
    }

    @Test
    void servesTheModelOfTheStoresVectorsWhenNoneIsConfiguredSoThatAnOlderStoreKeepsWorking() {
        IndexLayout bgeStore = new IndexLayout(MODEL.id(), EmbeddingScheme.TEXT, "standard");

        assertThat(BackgroundLoadingEmbedder.servedModel(Optional.empty(), Optional.of(bgeStore))).isEqualTo(MODEL);
    }

    @Test
    void servesTheDefaultModelWhenNoneIsConfiguredAndTheStoreIsNotConnectedYet() {
        assertThat(BackgroundLoadingEmbedder.servedModel(Optional.empty(), Optional.empty()))
                .isEqualTo(EmbeddingModel.DEFAULT);
    }

    @Test
    void knowsTheDimensionWithoutWaitingForTheModel() {
        BackgroundLoadingEmbedder embedder = blockedUntilReleased(Duration.ofMillis(1));

        assertThat(embedder.dimension()).isEqualTo(384);
    }

    @Test
    void closesTheModelOnShutdownEvenIfItFinishesLoadingAfterwards() throws Exception {
        BackgroundLoadingEmbedder embedder = blockedUntilReleased(Duration.ofSeconds(10));
        embedder.startLoading();

        embedder.close();
        releaseLoad.countDown();

        assertThat(loadedEmbedder.closed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private BackgroundLoadingEmbedder blockedUntilReleased(Duration maxWait) {
        return new BackgroundLoadingEmbedder(MODEL, () -> {
            releaseLoad.await();
            return loadedEmbedder;
        }, maxWait);
    }

    private static final class FixedEmbedder implements Embedder, AutoCloseable {

        static final float[] VECTOR = { 1f, 0f };
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public String modelId() {
            return MODEL.id();
        }

        @Override
        public double candidateSimilarity() {
            return MODEL.candidateSimilarity();
        }

        @Override
        public int dimension() {
            return VECTOR.length;
        }

        @Override
        public float[] embedQuery(String text) {
            return VECTOR.clone();
        }

        @Override
        public float[] embedPassage(String text) {
            return VECTOR.clone();
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            return texts.stream().map(this::embedPassage).toList();
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
