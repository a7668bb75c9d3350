package io.switchboard.system;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.switchboard.contracts.Channel;
import io.switchboard.runtime.ServiceSpec;
import io.switchboard.runtime.SwitchboardStack;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SignedWebhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * All eight services as processes, as {@code deploy/local/run} starts them, started once for what needs the whole
 * system: first {@code deploy/local/demo} as a newcomer runs it on the fresh system, then every service's metrics
 * as Prometheus reads them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeSystemIT {

    /** {@code  WHATSAPP WhatsApp Cloud API   → FRONT_OFFICE INFORMATION   contact <id>} */
    private static final Pattern LANDING = Pattern.compile("^  (\\w+) +(.+?) +→ (\\w+) +(\\w+) +contact (\\S+)$");
    private static final Pattern LINK = Pattern.compile("(http://\\S+)#token=(\\S+)");

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
     * The demo registers the demo agents, every signed sample goes through its real adapter, and each lands where
     * the demo says it did (office and intent, read back from the work-service). The printed workspace and
     * dashboard links sign in.
     */
    @Test
    @Order(1)
    void everySampleLandsWhereTheDemoSaysAndTheLinksSignIn() throws Exception {
        List<String> output = demo();

        List<Matcher> landings = output.stream().map(LANDING::matcher).filter(Matcher::matches).toList();
        assertThat(landings).as(String.join("\n", output)).hasSize(7);
        assertThat(landings.stream().map(m -> m.group(1)).distinct())
                .containsExactlyInAnyOrder("PHONE", "WHATSAPP", "SOCIAL", "WEBSHOP", "STORE");
        assertThat(landings.stream().map(m -> m.group(3)).distinct()).as("every demo agent has work")
                .containsExactlyInAnyOrder("FRONT_OFFICE", "BACK_OFFICE", "TECHNICIANS");
        String supervisor = stack.keys().token("sup-1", Set.of("supervisor"), Duration.ofHours(1));
        Set<String> items = new HashSet<>();
        for (Matcher landing : landings) {
            JsonPath position = RestAssured.given().header("Authorization", "Bearer " + supervisor)
                    .get(stack.url("work-service") + "/api/contacts/" + landing.group(5) + "/position")
                    .then().statusCode(200).extract().jsonPath();
            JsonPath item = RestAssured.given().header("Authorization", "Bearer " + supervisor)
                    .get(stack.url("work-service") + "/api/work/" + position.getString("workItemId"))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(item.getString("channel")).as(landing.group(2)).isEqualTo(landing.group(1));
            assertThat(item.getString("office")).as(landing.group(2)).isEqualTo(landing.group(3));
            assertThat(item.getString("intent")).as(landing.group(2)).isEqualTo(landing.group(4));
            assertThat(item.getList("explanation")).as(landing.group(2)).isNotEmpty();
            items.add(position.getString("workItemId"));
        }
        assertThat(items).as("on a fresh system every sample opens a work item of its own").hasSize(7);

        List<Matcher> links = output.stream().map(LINK::matcher).filter(Matcher::find).toList();
        assertThat(links).hasSize(4);
        for (Matcher link : links) {
            RestAssured.given().get(link.group(1)).then().statusCode(200);
        }
        String workspaceToken = links.stream().filter(m -> m.group(1).endsWith("/workspace/")).findFirst()
                .orElseThrow().group(2);
        RestAssured.given().header("Authorization", "Bearer " + workspaceToken).contentType("application/json")
                .body("{\"status\":\"AVAILABLE\"}").post(stack.url("work-service") + "/api/agents/me/status")
                .then().statusCode(200);
    }

    /** Runs deploy/local/demo against this stack, with its keys and webhook secrets, and returns what it printed. */
    private static List<String> demo() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("switchboard.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(root.resolve("deploy/local/demo").toString()));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            command.addAll(List.of("--url", spec.name() + "=" + stack.url(spec.name())));
        }
        Path log = root.resolve("system-tests/target/demo-output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(stack.webhookSecrets().asEnvironment());
        // The JWT keys of this stack live in <state>/jwt.
        builder.environment().put("SWITCHBOARD_STATE_DIR", stack.keys().publicKeyFile().getParent().getParent().toString());
        Process process = builder.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(finished && process.exitValue() == 0).as(printed).isTrue();
        return printed.lines().toList();
    }

    /**
     * {@code promtool check metrics} (Debian's prometheus package) parses every service's exposition without error.
     * Exit code 3 means lint findings only (naming advice on library meters such as Kafka's {@code _ms}); those are
     * printed, not failed on. The text format is asked for, as Prometheus 2.x scrapes it. A contact of every channel
     * passes first, so the per-channel meters exist.
     */
    @Test
    @Order(2)
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
