package io.switchboard.routing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Runs the engine on a rules file of its own (a copy of the bundled rules) that a test may edit. */
public class RulesFileProfile implements QuarkusTestProfile {

    static final Path RULES = Path.of("target", "rules-file-test", "routing-rules.yaml").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        restoreBundledRules();
        return Map.of("switchboard.routing.rules.file", RULES.toString());
    }

    static String bundledRules() {
        try (InputStream in = RulesFileProfile.class.getClassLoader().getResourceAsStream("routing-rules.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void restoreBundledRules() {
        write(bundledRules());
    }

    /** Puts the bundled rules back and waits until the engine runs them again, so the next test starts clean. */
    static void restoreBundledRulesAndWait() {
        restoreBundledRules();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Tokens.asOps().get("/api/routing/rules").then()
                .body("refusedChange", equalTo(null)).body("rules.slaSeconds.WHATSAPP", equalTo(300)));
    }

    /** Replaces the file in one step, as a ConfigMap update or an editor's save would. */
    static void write(String rules) {
        try {
            Files.createDirectories(RULES.getParent());
            Path next = Files.writeString(RULES.resolveSibling("next.yaml"), rules);
            Files.move(next, RULES, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
