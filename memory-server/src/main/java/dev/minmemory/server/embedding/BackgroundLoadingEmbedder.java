package dev.minmemory.server.embedding;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.minmemory.server.memory.Embedder;
import dev.minmemory.server.memory.EmbeddingModelUnavailableException;
import dev.minmemory.server.memory.IndexLayout;
import dev.minmemory.server.memory.MemoryBackend;

/**
 * The application's {@link Embedder}. Loads the configured model on a background thread at start-up, so HTTP is
 * served at once; until the model is loaded, callers wait up to {@link #DEFAULT_MAX_WAIT}, then get an
 * {@link EmbeddingModelUnavailableException}.
 */
@ApplicationScoped
public class BackgroundLoadingEmbedder implements Embedder {

    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(BackgroundLoadingEmbedder.class);

    private final EmbeddingModel model;
    private final Callable<Embedder> loader;
    private final Duration maxWait;
    private final CompletableFuture<Embedder> loaded = new CompletableFuture<>();

    @Inject
    public BackgroundLoadingEmbedder(EmbeddingConfig config, MemoryBackend store) {
        this(servedModel(config.model(), store.isAvailable() ? Optional.of(store.layout()) : Optional.empty()),
                config);
    }

    private BackgroundLoadingEmbedder(EmbeddingModel model, EmbeddingConfig config) {
        this(model, () -> OnnxEmbedder.load(model, cacheDir(config), config.threads()), DEFAULT_MAX_WAIT);
    }

    BackgroundLoadingEmbedder(EmbeddingModel model, Callable<Embedder> loader, Duration maxWait) {
        this.model = model;
        this.loader = loader;
        this.maxWait = maxWait;
    }

    /**
     * The configured model; unset, the one the store's vectors come from, which is {@link EmbeddingModel#DEFAULT} for a
     * new store. A Qdrant collection is read only once connected, in the background, so it gets the default here, and
     * a collection of another model is refused on first use with a message naming it.
     */
    static EmbeddingModel servedModel(Optional<String> configured, Optional<IndexLayout> store) {
        return EmbeddingModel.fromId(configured.orElseGet(
                () -> store.map(IndexLayout::embeddingModel).orElse(EmbeddingModel.DEFAULT.id())));
    }

    private static Path cacheDir(EmbeddingConfig config) {
        return config.cacheDir().orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "min-memory-cache"));
    }

    /** Starts loading the model on a thread of its own; called once, at start-up. */
    public void startLoading() {
        Thread thread = new Thread(this::load, "embedding-model-loader");
        thread.setDaemon(true);
        thread.start();
    }

    private void load() {
        long startNanos = System.nanoTime();
        LOG.infof("Loading embedding model %s", model.id());
        try {
            loaded.complete(loader.call());
            LOG.infof("Embedding model %s loaded in %d ms", model.id(), (System.nanoTime() - startNanos) / 1_000_000);
        } catch (Exception | LinkageError e) {
            LOG.errorf(e, "Embedding model %s failed to load; embedding is unavailable and readiness stays DOWN: %s",
                    model.id(), describe(e));
            loaded.completeExceptionally(e);
        }
    }

    public EmbeddingModel model() {
        return model;
    }

    public boolean isReady() {
        return loaded.isDone() && !loaded.isCompletedExceptionally();
    }

    /** Why the model failed to load; empty while loading or once loaded. */
    public Optional<String> loadFailure() {
        try {
            loaded.getNow(null);
            return Optional.empty();
        } catch (CompletionException e) {
            return Optional.of(describe(e.getCause()));
        }
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    @Override
    public String modelId() {
        return model.id();
    }

    @Override
    public double candidateSimilarity() {
        return model.candidateSimilarity();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embedQuery(String text) {
        return awaitLoaded().embedQuery(text);
    }

    @Override
    public float[] embedPassage(String text) {
        return awaitLoaded().embedPassage(text);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        return awaitLoaded().embedPassages(texts);
    }

    private Embedder awaitLoaded() {
        try {
            return loaded.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw EmbeddingModelUnavailableException.stillLoading("embedding model is still loading: " + model.id());
        } catch (ExecutionException e) {
            throw EmbeddingModelUnavailableException.failedToLoad(
                    "embedding model " + model.id() + " failed to load: " + describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EmbeddingModelUnavailableException
                    .stillLoading("interrupted waiting for embedding model " + model.id());
        }
    }

    /** Closes the model now, or as soon as it finishes loading. */
    @PreDestroy
    void close() {
        loaded.thenAccept(embedder -> {
            if (embedder instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warnf(e, "Closing embedding model %s failed", model.id());
                }
            }
        });
    }
}
