package dev.minmemory.server.store.qdrant;

import java.util.List;

import org.jboss.logging.Logger;

import dev.minmemory.server.memory.IndexLayout;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;

/**
 * Prepares the collection the {@link CollectionLayout} describes: checks the server version, creates the collection
 * if it is missing, refuses one whose layout differs, adds any missing payload index, and reads (or, for a new
 * collection, records) which model, scheme and keyword analysis its vectors come from ({@link LayoutPoint}).
 * Idempotent; safe to run from several replicas at once.
 */
final class CollectionBootstrap {

    /** The first Qdrant release with the Query API (hybrid search sends its two sides as one query batch). */
    static final int[] MINIMUM_VERSION = { 1, 10 };
    private static final Logger LOG = Logger.getLogger(CollectionBootstrap.class);

    private final QdrantConnection qdrant;
    private final QdrantSettings settings;
    private final LayoutPoint layoutPoint;
    private final IndexLayout newStore;
    private volatile IndexLayout layout;

    CollectionBootstrap(QdrantConnection qdrant, PointRequests requests, IndexLayout newStore) {
        this.qdrant = qdrant;
        this.settings = qdrant.settings();
        this.layoutPoint = new LayoutPoint(qdrant, requests);
        this.newStore = newStore;
    }

    /** The collection's layout, once prepared. */
    IndexLayout layout() {
        return layout;
    }

    void recordLayout(IndexLayout recorded) {
        layoutPoint.record(recorded);
        layout = recorded;
    }

    void prepare() {
        // Not a probe: the first call waits for the channel to connect, so it gets a caller's timeout.
        HealthCheckReply health = qdrant.call("health check",
                qdrant.calls().qdrant().healthCheck(HealthCheckRequest.getDefaultInstance()));
        requireSupportedVersion(health.getVersion());
        if (!exists()) {
            create();
        }
        CollectionInfo info = qdrant.call("collection info", qdrant.calls().collections().get(GetCollectionInfoRequest
                .newBuilder().setCollectionName(settings.collection()).build())).getResult();
        List<String> differences = CollectionLayout.incompatibilities(info);
        if (!differences.isEmpty()) {
            throw new IncompatibleCollectionException("Qdrant collection '" + settings.collection() + "' at "
                    + settings.host() + ":" + settings.port() + " exists with an incompatible layout: "
                    + String.join("; ", differences) + ". min-memory never recreates a collection: point"
                    + " QDRANT_COLLECTION at a new name and move the memories with export/import, or delete the"
                    + " collection if it holds nothing you need.");
        }
        CollectionLayout.advisories(info).forEach(note -> LOG.warnf("Qdrant collection %s: %s",
                settings.address(), note));
        for (String field : CollectionLayout.INDEXES.keySet()) {
            if (!info.getPayloadSchemaMap().containsKey(field)) {
                qdrant.call("payload index " + field, qdrant.calls().points().createFieldIndex(
                        CollectionLayout.index(settings.collection(), field)));
            }
        }
        layout = layoutPoint.prepare(newStore);
        LOG.infof("Memory store ready: Qdrant %s, collection %s (%s)", health.getVersion(), settings.address(), layout);
    }

    /** Whether the collection exists now, asked with the probe's short timeout. */
    boolean stillExists() {
        return qdrant.call("collection check", qdrant.probes().collections().collectionExists(
                CollectionExistsRequest.newBuilder().setCollectionName(settings.collection()).build()))
                .getResult().getExists();
    }

    private boolean exists() {
        return qdrant.call("collection check", qdrant.calls().collections().collectionExists(
                CollectionExistsRequest.newBuilder().setCollectionName(settings.collection()).build()))
                .getResult().getExists();
    }

    private void create() {
        try {
            qdrant.call("create collection", qdrant.calls().collections().create(CollectionLayout.create(settings)));
            LOG.infof("Created Qdrant collection %s", settings.address());
        } catch (IllegalStateException e) {
            // Another replica may have created it in the meantime; anything else is a real failure.
            if (!exists()) {
                throw e;
            }
        }
    }

    private void requireSupportedVersion(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            if (major < MINIMUM_VERSION[0] || major == MINIMUM_VERSION[0] && minor < MINIMUM_VERSION[1]) {
                throw new IncompatibleCollectionException("Qdrant " + version + " at " + settings.host() + ":"
                        + settings.port() + " is too old: min-memory needs Qdrant " + MINIMUM_VERSION[0] + "."
                        + MINIMUM_VERSION[1] + " or newer (hybrid search uses the Query API). Upgrade"
                        + " Qdrant.");
            }
        } catch (NumberFormatException e) {
            LOG.debugf("Qdrant reports version '%s'; not checked", version);
        }
    }
}
