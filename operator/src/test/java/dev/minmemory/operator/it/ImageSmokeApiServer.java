package dev.minmemory.operator.it;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

/**
 * The cluster of deploy/docker/build-and-test.sh's operator image smoke test: the fabric8 mock API server in CRUD mode
 * (what the ITs run against, plus the one answer leader election needs) on a free port of 127.0.0.1, with the
 * committed CRD and one MemoryServer in it. The
 * operator container, on the host's network, is pointed at the printed address; this process exits 0 once every
 * object of the MemoryServer exists, 1 when they do not appear in time.
 * <p>
 * Arguments: the CRD file, the namespace of the MemoryServer, the patience in seconds.
 */
public final class ImageSmokeApiServer {

    static final String READY_LINE = "mock API server at ";
    /** What the operator makes of {@link MemoryServers#auth0}: see OperatorBench. */
    private static final int OBJECTS = 12;

    private ImageSmokeApiServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        var crd = Serialization.unmarshal(Files.readString(Path.of(args[0])), CustomResourceDefinition.class);
        String namespace = args[1];
        var patience = Duration.ofSeconds(Long.parseLong(args[2]));

        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        var server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new KubernetesMixedDispatcher(expectations), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        // The production image elects a leader, and first asks whether it may use Leases: CRUD mode cannot answer.
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus().addNewResourceRule()
                        .withApiGroups("coordination.k8s.io").withResources("leases")
                        .withVerbs("get", "create", "update")
                        .endResourceRule().withIncomplete(false).endStatus().build())
                .always();
        KubernetesClient client = server.createClient();
        client.resource(crd).create();
        var ms = client.resource(MemoryServers.auth0(namespace, "memory")).create();
        System.out.println(READY_LINE + "http://127.0.0.1:" + server.getPort());

        var cluster = new ClusterFixture(client);
        long deadline = System.nanoTime() + patience.toNanos();
        List<HasMetadata> objects = cluster.everythingIn(namespace);
        while (objects.size() < OBJECTS && System.nanoTime() < deadline) {
            Thread.sleep(500);
            objects = cluster.everythingIn(namespace);
        }
        objects.forEach(
                o -> System.out.println("  " + o.getKind() + " " + namespace + "/" + o.getMetadata().getName()));
        MemoryServer status = cluster.get(namespace, ms.getMetadata().getName());
        System.out.println("  status: " + Serialization.asJson(status.getStatus()));
        boolean created = objects.size() >= OBJECTS;
        System.out.println(created
                ? "the operator created all " + OBJECTS + " objects of " + namespace + "/memory"
                : "the operator created " + objects.size() + " of " + OBJECTS + " objects in " + patience.toSeconds()
                        + " s");
        client.close();
        server.destroy();
        System.exit(created ? 0 : 1);
    }
}
