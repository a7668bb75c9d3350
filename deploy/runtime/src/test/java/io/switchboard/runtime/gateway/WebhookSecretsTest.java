package io.switchboard.runtime.gateway;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSecretsTest {

    /** Webhook secrets and verify tokens; the providers' API access tokens (for replies) are not webhook secrets. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\$\\{(SWITCHBOARD_[A-Z_]+(?:SECRET|(?<!ACCESS_)TOKEN)):([^}]*)}");

    /** A secret renamed in an adapter but not here would make every webhook of a stack-started adapter fail. */
    @Test
    void namesAndDefaultsAreTheAdapters() throws IOException {
        Map<String, String> adapters = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("switchboard.root", "../..")).resolve("channel-adapters"))) {
            for (Path properties : files.map(module -> module.resolve("src/main/resources/application.properties"))
                    .filter(Files::exists).toList()) {
                Matcher placeholder = PLACEHOLDER.matcher(Files.readString(properties));
                while (placeholder.find()) {
                    adapters.put(placeholder.group(1), placeholder.group(2));
                }
            }
        }
        assertThat(WebhookSecrets.LOCAL.asEnvironment()).isEqualTo(adapters);
    }

    @Test
    void fromEnvironmentTakesWhatIsSetAndTheDefaultsOtherwise() {
        WebhookSecrets secrets = WebhookSecrets.fromEnvironment(Map.of("SWITCHBOARD_META_APP_SECRET", "from-env"));

        assertThat(secrets.metaAppSecret()).isEqualTo("from-env");
        assertThat(secrets.storeSecret()).isEqualTo(WebhookSecrets.LOCAL.storeSecret());
        assertThat(WebhookSecrets.fromEnvironment(secrets.asEnvironment())).isEqualTo(secrets);
        assertThat(secrets.toString()).doesNotContain("from-env");
    }
}
