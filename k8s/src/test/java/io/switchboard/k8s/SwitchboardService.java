package io.switchboard.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the eight services, as its own configuration describes it: the deployment files are checked against
 * these sources (read-only), not against a second copy of the same facts.
 */
record SwitchboardService(String name, String module, boolean adapter) {

    static final List<SwitchboardService> ALL = List.of(
            new SwitchboardService("phone-adapter", "channel-adapters/phone", true),
            new SwitchboardService("whatsapp-adapter", "channel-adapters/whatsapp", true),
            new SwitchboardService("social-adapter", "channel-adapters/social", true),
            new SwitchboardService("webshop-adapter", "channel-adapters/webshop", true),
            new SwitchboardService("store-adapter", "channel-adapters/store", true),
            new SwitchboardService("routing-engine", "routing-engine", false),
            new SwitchboardService("work-service", "services/work-service", false),
            new SwitchboardService("ops-service", "services/ops-service", false));

    private static final String ADAPTER_DEFAULTS =
            "channel-adapters/adapter-core/src/main/resources/META-INF/microprofile-config.properties";
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    static SwitchboardService named(String name) {
        return ALL.stream().filter(service -> service.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Switchboard service " + name));
    }

    String image() {
        return "switchboard/" + name + ":0.1.0";
    }

    String applicationProperties() {
        return Repository.read(module + "/src/main/resources/application.properties");
    }

    /** The configuration as Quarkus sees it without a profile: adapter-core's defaults, then the service's own. */
    Properties properties() {
        Properties properties = new Properties();
        try {
            if (adapter) {
                properties.load(new StringReader(Repository.read(ADAPTER_DEFAULTS)));
            }
            properties.load(new StringReader(applicationProperties()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    int httpPort() {
        return Integer.parseInt(properties().getProperty("quarkus.http.port"));
    }

    /** Environment variables the configuration reads ({@code ${NAME:default}}), profiles included. */
    Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>();
        String text = adapter ? Repository.read(ADAPTER_DEFAULTS) + "\n" + applicationProperties() : applicationProperties();
        for (String line : text.lines().filter(line -> !line.startsWith("#") && !line.startsWith("%test")).toList()) {
            Matcher matcher = ENV_PLACEHOLDER.matcher(line);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The consumer group this service reads {@code topic} with, as SmallRye Kafka resolves it. */
    Optional<String> consumerGroupOf(String topic) {
        Properties properties = properties();
        return properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic"))
                .filter(key -> topic.equals(properties.getProperty(key)))
                .map(key -> key.substring(0, key.length() - ".topic".length()))
                .map(channel -> Optional.ofNullable(properties.getProperty(channel + ".group.id"))
                        .or(() -> Optional.ofNullable(properties.getProperty("mp.messaging.connector.smallrye-kafka.group.id")))
                        .orElse(properties.getProperty("quarkus.application.name")))
                .findFirst();
    }
}
