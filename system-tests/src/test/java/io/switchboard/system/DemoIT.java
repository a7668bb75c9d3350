package io.switchboard.system;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.switchboard.runtime.ServiceSpec;
import io.switchboard.runtime.SwitchboardStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

/**
 * {@code deploy/local/demo} as a newcomer runs it, as a process against the whole packaged system: it registers the
 * demo agents, every signed sample goes through its real adapter, and each lands where the demo says it did (office
 * and intent, read back from the work-service). The printed workspace and dashboard links sign in.
 */
class DemoIT {

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

    @Test
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
}
