package io.switchboard.system;

import io.restassured.RestAssured;
import io.switchboard.contracts.Channel;
import io.switchboard.runtime.ServiceSpec;
import io.switchboard.runtime.SwitchboardStack;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SignedWebhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** All eight services as processes, as {@code deploy/local/run} starts them. */
class WholeSystemIT {

    private static SwitchboardStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemStack.start(ServiceSpec.ALL.stream().map(ServiceSpec::name).toList());
    }

    @AfterAll
    static void stopSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * {@code promtool check metrics} (Debian's prometheus package) parses every service's exposition without error.
     * Exit code 3 means lint findings only (naming advice on library meters such as Kafka's {@code _ms}); those are
     * printed, not failed on. The text format is asked for, as Prometheus 2.x scrapes it. A contact of every channel
     * passes first, so the per-channel meters exist.
     */
    @Test
    void everyServiceExposesMetricsPrometheusAccepts() throws Exception {
        Gateways gateways = new Gateways(stack::url);
        for (Channel channel : Channel.values()) {
            SignedWebhook webhook = gateways.contact(channel, "metrics-" + channel, "31611112222", "Jan",
                    "Hoe laat zijn jullie open?");
            RestAssured.given().contentType(webhook.contentType()).headers(webhook.headers()).body(webhook.body())
                    .post(stack.url(webhook.service()) + webhook.path()).then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(RestAssured.given()
                .accept("text/plain; version=0.0.4").get(stack.url("work-service") + "/q/metrics").asString())
                .contains("channel=\"STORE\"").contains("channel=\"PHONE\""));
        for (ServiceSpec service : ServiceSpec.ALL) {
            String exposition = RestAssured.given().accept("text/plain; version=0.0.4")
                    .get(stack.url(service.name()) + "/q/metrics").then().statusCode(200).extract().asString();
            assertThat(exposition).as(service.name()).contains("channel=");
            Path file = Files.createTempFile("metrics-" + service.name(), ".prom");
            Files.writeString(file, exposition);
            Process promtool = new ProcessBuilder(promtool(), "check", "metrics").redirectInput(file.toFile())
                    .redirectErrorStream(true).start();
            String findings = new String(promtool.getInputStream().readAllBytes());
            assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(promtool.exitValue()).as(service.name() + ": " + findings).isIn(0, 3);
            assertThat(findings).as(service.name()).doesNotContain("error while linting");
            System.out.printf("promtool %s: exit %d%n%s%n", service.name(), promtool.exitValue(), findings);
        }
    }

    private static String promtool() throws IOException {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                return Path.of(dir, "promtool").toString();
            }
        }
        throw new IOException("promtool not found: install Debian's prometheus package (.ci/run does)");
    }
}
