package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus' own linter accepts the exposition (Debian package {@code prometheus} provides promtool). */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class PrometheusMetricsTest {

    private static final int LINT_FINDINGS = 3;
    private static final Path PROMTOOL = Path.of(System.getProperty("promtool", "/usr/bin/promtool"));

    @Test
    void promtoolAcceptsTheMetrics() throws Exception {
        assertThat(Files.isExecutable(PROMTOOL))
                .as("promtool is needed (deploy/test installs it: apt-get install prometheus)").isTrue();
        // The Prometheus text format, as Prometheus scrapes it (without this header the answer is OpenMetrics).
        String metrics = RestAssured.given().accept("text/plain; version=0.0.4; charset=utf-8").get("/q/metrics")
                .then().statusCode(200).extract().asString();
        assertThat(metrics).contains("switchboard_ops_contacts_received_total{channel=\"PHONE\"");
        Path exposition = Files.writeString(Path.of("target", "ops-service-metrics.txt"), metrics);

        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectInput(exposition.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        promtool.getInputStream().transferTo(output);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String findings = output.toString(StandardCharsets.UTF_8);
        // Exit 1 is a format error. Exit 3 is lint findings only: those on our meters fail the test; those on the
        // client libraries' meters (Kafka client "_ns" names, Netty and Vert.x meters without help) are upstream.
        assertThat(promtool.exitValue()).as("promtool check metrics:%n%s", findings).isIn(0, LINT_FINDINGS);
        assertThat(findings.lines().filter(line -> line.startsWith("switchboard_"))).as(findings).isEmpty();
    }
}
