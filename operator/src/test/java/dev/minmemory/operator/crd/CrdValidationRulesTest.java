package dev.minmemory.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The committed CRD's defaults and CEL rules, applied as the API server applies them ({@link CrdAdmission}); the
 * fabric8 mock used by the integration tests evaluates neither.
 */
class CrdValidationRulesTest {

    private static final String AUTH = """
            apiVersion: minmemory.dev/v1alpha1
            kind: MemoryServer
            metadata: {name: memory, namespace: team-a}
            spec:
              auth: {auth0Domain: team-a.eu.auth0.com, audience: https://memory.team-a.example.com/mcp}
            """;
    private static final String MINIMAL = AUTH + """
              ingress: {host: memory.team-a.example.com, tls: {clusterIssuer: letsencrypt-prod}}
            """;

    private final CrdAdmission admission = CrdAdmission.ofCommittedCrd();

    @Test
    void theMinimalExampleIsAdmittedAndGetsEveryNestedDefault() {
        assertThat(admission.create(MINIMAL)).isEmpty();

        var stored = admission.defaulted(MINIMAL).get("spec");
        assertThat(stored.at("/qdrant/storage/size").asText()).isEqualTo("10Gi");
        assertThat(stored.at("/qdrant/replicas").asInt()).isEqualTo(1);
        assertThat(stored.at("/server/embeddingModel").asText()).isEqualTo("bge-small-en-v1.5-q");
        assertThat(stored.at("/networkPolicy/enabled").asBoolean()).isTrue();
    }

    @Test
    void aSpecWithOnlyAuthIsRefusedAtAdmissionBecauseTheIngressDefaultsToEnabled() {
        assertThat(admission.create(AUTH)).contains("ingress.host is required when the ingress is enabled");
    }

    @Test
    void addingAStorageClassToASpecThatHadNoQdrantBlockIsRefused() {
        String withClass = MINIMAL + """
                  qdrant: {storage: {storageClassName: fast-ssd}}
                """;

        assertThat(admission.update(MINIMAL, withClass)).containsExactly(
                "qdrant.storage.storageClassName cannot be changed after creation: the volumes cannot move to "
                        + "another StorageClass");
    }

    @Test
    void aLargerStorageSizeIsAdmittedForTheOperatorToExpandTheVolumes() {
        String larger = MINIMAL + """
                  qdrant: {storage: {size: 50Gi}}
                """;

        assertThat(admission.update(MINIMAL, larger)).isEmpty();
    }

    @Test
    void theEmbeddingModelCannotChangeInPlaceEvenWhenTheOldSpecLeftItToTheDefault() {
        String fp32 = MINIMAL + """
                  server: {embeddingModel: bge-small-en-v1.5}
                """;

        assertThat(admission.create(fp32)).isEmpty();
        assertThat(admission.update(MINIMAL, fp32)).singleElement().asString()
                .startsWith("server.embeddingModel cannot be changed in place");
        assertThat(admission.update(fp32, fp32)).isEmpty();
    }

    @Test
    void aMemoryServerMayStartWithTheE5ModelButNotSwitchToIt() {
        String e5 = MINIMAL + """
                  server: {embeddingModel: e5-small-v2-q}
                """;

        assertThat(admission.create(e5)).isEmpty();
        assertThat(admission.update(MINIMAL, e5)).singleElement().asString()
                .startsWith("server.embeddingModel cannot be changed in place");
    }

    @Test
    void scheduledSnapshotsNeedAVolumeOfTheirOwn() {
        assertThat(admission.create(MINIMAL + """
                  qdrant: {snapshots: {schedule: "0 3 * * *"}}
                """)).containsExactly(SnapshotsSpec.SCHEDULE_NEEDS_VOLUME);
        assertThat(admission.create(MINIMAL + """
                  qdrant: {snapshots: {schedule: "0 3 * * *", size: 20Gi}}
                """)).isEmpty();
    }

    @Test
    void qdrantTlsNeedsAnIssuerAndRefusesTheScheduledSnapshotJob() {
        assertThat(admission.create(MINIMAL + """
                  qdrant: {tls: {enabled: true, issuerRef: {name: internal-ca, kind: ClusterIssuer}}}
                """)).isEmpty();
        assertThat(admission.create(MINIMAL + """
                  qdrant: {tls: {enabled: true}}
                """)).containsExactly(QdrantTlsSpec.ISSUER_REQUIRED);
        assertThat(admission.create(MINIMAL + """
                  qdrant:
                    tls: {enabled: true, issuerRef: {name: internal-ca}}
                    snapshots: {schedule: "0 3 * * *", size: 20Gi}
                """)).containsExactly(QdrantSpec.TLS_WITHOUT_SCHEDULE);
    }

    @Test
    void ruleOnTheRootAndOnNestedBlocksStillApply() {
        String tooMany = MINIMAL + """
                  qdrant: {replicas: 2, replicationFactor: 3}
                """;

        assertThat(admission.create(tooMany)).containsExactly("qdrant.replicationFactor cannot exceed qdrant.replicas: "
                + "every copy of a shard needs its own Qdrant pod");
        assertThat(admission.create(MINIMAL.replace("name: memory,", "name: " + "m".repeat(41) + ",")))
                .containsExactly("metadata.name must be at most 40 characters");
    }

    @Test
    void anHttpRouteIsAdmittedOnlyInsteadOfTheIngressAndWithAGateway() {
        String route = AUTH + """
                  ingress: {enabled: false}
                  httpRoute: {enabled: true, hostname: memory.team-a.example.com, parentRefs: [{name: shared}]}
                """;
        String both = MINIMAL + """
                  httpRoute: {enabled: true, hostname: memory.team-a.example.com, parentRefs: [{name: shared}]}
                """;
        String noGateway = AUTH + """
                  ingress: {enabled: false}
                  httpRoute: {enabled: true, hostname: memory.team-a.example.com}
                """;

        assertThat(admission.create(route)).isEmpty();
        assertThat(admission.create(both))
                .containsExactly("choose one entry point: set ingress.enabled to false to use httpRoute");
        assertThat(admission.create(noGateway)).containsExactly(
                "httpRoute.parentRefs must name at least one Gateway when the HTTPRoute is enabled");
        assertThat(admission.defaulted(MINIMAL).get("spec").at("/monitoring/podMonitor/enabled").asBoolean())
                .isFalse();
    }
}
