package io.switchboard.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.security.auth.module.UnixSystem;
import io.switchboard.runtime.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Builds the base image from Debian packages and the routing engine's image on it, as deploy/images/build does,
 * checks what a runtime reads from them, then unpacks the image and runs the engine from it with an explicit heap
 * until it answers its liveness probe. No Kafka is needed for that: the engine is live while it retries the broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingEngineImageTest {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path REPOSITORY = TARGET.resolve("../../..").normalize();
    private static final String HEAP = "-Xmx192m";

    private ImageArchive base;
    private ImageArchive image;

    @BeforeAll
    void buildImages() throws Exception {
        ImageBuild build = new ImageBuild(TARGET);
        base = ImageArchive.open(build.base(), TARGET.resolve("test/base"));
        image = ImageArchive.open(build.service(QuarkusApp.packagedIn(REPOSITORY.resolve("routing-engine"))),
                TARGET.resolve("test/routing-engine"));
    }

    @AfterAll
    void removeUnpackedImages() throws IOException, InterruptedException {
        new HostCommand(TARGET, List.of("rm", "-rf", TARGET.resolve("test").toString())).run();
    }

    @Test
    void baseImageIsDebiansJavaRuntimeForAnUnprivilegedUser() {
        assertThat(base.manifest().at("/RepoTags/0").asText()).isEqualTo("switchboard/jre:17");
        assertThat(base.layers()).hasSize(1);
        assertThat(base.config().at("/config/User").asText()).isEqualTo("1000:1000");
        assertThat(base.environment()).containsEntry("LANG", "C.UTF-8");
        assertThat(base.environment().get("JAVA_HOME")).startsWith("/usr/lib/jvm/java-17-openjdk-");
        assertThat(base.environment().get("PATH")).startsWith(base.environment().get("JAVA_HOME") + "/bin:");
        assertThat(base.config().at("/history/0/created_by").asText())
                .contains("openjdk-17-jre-headless=17.", "libc6=", "ca-certificates=", "dash=");
    }

    @Test
    void serviceImageStartsTheQuarkusAppWithTheOptionsOfJavaOptsAppend() {
        assertThat(image.manifest().at("/RepoTags/0").asText()).isEqualTo("switchboard/routing-engine:0.1.0");
        // The base layer as is, then the dependencies and the application.
        assertThat(image.diffIds()).hasSize(3).startsWith(base.diffIds().get(0));
        assertThat(image.entrypoint()).containsExactly("/usr/local/bin/run-java", "-jar", "/deployments/quarkus-run.jar");
        assertThat(image.config().at("/config/WorkingDir").asText()).isEqualTo("/deployments");
        assertThat(image.config().at("/config/User").asText()).isEqualTo("1000:1000");
        assertThat(image.config().at("/config/ExposedPorts").fieldNames()).toIterable().containsExactly("8090/tcp");
        assertThat(image.environment().get("JAVA_OPTS_APPEND"))
                .contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Xmx");
    }

    @Test
    void imageNameAndTagAreTheOnesTheKubernetesManifestsDeploy() throws IOException {
        assertThat(Files.readString(REPOSITORY.resolve("k8s/base/kustomization.yaml")))
                .contains("- name: switchboard/routing-engine\n    newTag: 0.1.0");
    }

    @Test
    void routingEngineRunsFromTheUnpackedImage() throws Exception {
        if (new UnixSystem().getUid() != 0) {
            fail("Running an image without a container runtime needs root (unshare: PID and mount namespaces, chroot)."
                    + " Run the build as root, as CI does.");
        }
        Path rootfs = image.unpack(TARGET.resolve("test/rootfs"));
        assertThat(trustedCertificates(rootfs, image.environment().get("JAVA_HOME")))
                .as("CA certificates in the JRE's trust store").isGreaterThan(100);

        int port = Ports.free();
        Path log = TARGET.resolve("routing-engine-image.log");
        Map<String, String> overrides = Map.of(
                // as the Kubernetes manifests do: replace the image's options, with an explicit heap
                "JAVA_OPTS_APPEND", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager " + HEAP,
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + Ports.free()); // nothing listens there
        try (ContainerProcess engine = ContainerProcess.start(image, rootfs, overrides, log)) {
            assertThat(liveness(engine, port, log)).isEqualTo(200);
            assertThat(engine.status("Uid")).matches("Uid:\\s+1000\\s+1000\\s+1000\\s+1000");
            assertThat(engine.commandLine()).startsWith("java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", HEAP)
                    .endsWith("-jar", "/deployments/quarkus-run.jar");
        }
    }

    /** The JRE's cacerts, followed through its link into /etc inside the image, loaded as the JRE does (no password). */
    private static int trustedCertificates(Path rootfs, String javaHome) throws Exception {
        Path link = rootfs.resolve(javaHome.substring(1)).resolve("lib/security/cacerts");
        Path store = rootfs.resolve(Files.readSymbolicLink(link).toString().substring(1));
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            trustStore.load(in, null);
        }
        return trustStore.size();
    }

    private static int liveness(ContainerProcess engine, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!engine.alive()) {
                fail("the routing engine's container process exited; its output:\n" + Files.readString(log));
            }
            try {
                return http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notListeningYet) {
                Thread.sleep(500);
            }
        }
        return fail("no answer on /q/health/live within 90 s; output:\n" + Files.readString(log));
    }
}
