package io.switchboard.k8s;

import io.switchboard.contracts.Topics;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    private static final String ADAPTER_CORE = "channel-adapters/adapter-core";
    private static final String ADAPTER_DEFAULTS = ADAPTER_CORE + "/src/main/resources/META-INF/microprofile-config.properties";
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\\bTopics\\.([A-Z][A-Z0-9_]*)\\b");
    private static final String PROD_PROFILE = "%prod.";
    private static final Pattern PER_RECORD_TOPIC = Pattern.compile("\\.withTopic\\((?!Topics\\.)");
    private static final Pattern OWN_PRODUCER_TOPIC = Pattern.compile("switchboard\\.producer\\.[^.]+\\.topic");
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

    /**
     * The configuration as Quarkus sees it in the prod profile the images run: adapter-core's defaults, then the
     * service's own, then their {@code %prod.} entries.
     */
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
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PROD_PROFILE)) {
                properties.setProperty(key.substring(PROD_PROFILE.length()), properties.getProperty(key));
            }
        }
        return properties;
    }

    /** The Kafka channels this service reads and writes. */
    List<KafkaChannel> kafkaChannels() {
        return KafkaChannel.of(properties());
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

    /**
     * Topics the service's own code reads with a plain {@code KafkaConsumer} outside the messaging configuration (the
     * adapters' replay of contacts.unmapped, the routing engine's retrain reading contacts.corrections): the
     * {@code Topics} constants named in those classes, and the contract topics its configuration names in a
     * {@code ...-topic} property (where such a consumer takes its topic from). Such a consumer is expected to be
     * assigned to partitions without a group; one with a group id would need a group ACL too.
     */
    Set<String> topicsReadByOwnConsumers() {
        Set<String> topics = new TreeSet<>();
        boolean ownConsumer = false;
        List<String> modules = adapter ? List.of(module, ADAPTER_CORE) : List.of(module);
        for (String sourceModule : modules) {
            try (Stream<Path> sources = Files.walk(Repository.ROOT.resolve(sourceModule).resolve("src/main/java"))) {
                for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(source);
                    if (code.contains("new KafkaConsumer")) {
                        ownConsumer = true;
                        if (code.contains("GROUP_ID_CONFIG") || code.contains("\"group.id\"")) {
                            throw new IllegalStateException(source + " consumes with a group: add its group to the model");
                        }
                        Matcher constant = TOPIC_CONSTANT.matcher(code);
                        while (constant.find()) {
                            if (topicNamed(constant.group(1)) instanceof String topic) {
                                topics.add(topic);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (ownConsumer) {
            Properties properties = properties();
            properties.stringPropertyNames().stream().filter(key -> key.endsWith("-topic"))
                    .map(properties::getProperty).filter(Topics.ALL::contains).forEach(topics::add);
        }
        return topics;
    }

    /**
     * Topics the service writes with a Kafka producer of its own rather than a messaging channel (adapter-core's
     * {@code TopicProducer} for contacts): the {@code switchboard.producer.<name>.topic} of its configuration.
     */
    Set<String> topicsWrittenByOwnProducers() {
        Properties properties = properties();
        Set<String> topics = new TreeSet<>();
        properties.stringPropertyNames().stream().filter(key -> OWN_PRODUCER_TOPIC.matcher(key).matches())
                .map(properties::getProperty).forEach(topics::add);
        return topics;
    }

    /**
     * Topics a relay writes with the topic of each record taken from data (an outbox row's topic column, set with
     * {@code OutgoingKafkaRecordMetadata.withTopic}) rather than from its channel's configuration: the contract topics
     * the module's own code and migrations name as SQL string literals ({@code 'contacts.outbound'}), which is where
     * such rows get their topic. Empty when every {@code withTopic} names a {@code Topics} constant.
     */
    Set<String> topicsWrittenPerRecord() {
        List<String> sources = mainSources();
        if (sources.stream().noneMatch(code -> PER_RECORD_TOPIC.matcher(code).find())) {
            return Set.of();
        }
        Set<String> topics = new TreeSet<>();
        for (String topic : Topics.ALL) {
            if (sources.stream().anyMatch(code -> code.contains("'" + topic + "'"))) {
                topics.add(topic);
            }
        }
        return topics;
    }

    /** The module's Java sources and resources (SQL migrations included). */
    private List<String> mainSources() {
        try (Stream<Path> files = Files.walk(Repository.ROOT.resolve(module).resolve("src/main"))) {
            List<String> sources = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(path -> path.toString().endsWith(".java") || path.toString().endsWith(".sql")).toList()) {
                sources.add(Files.readString(file));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object topicNamed(String constant) {
        try {
            return Topics.class.getField(constant).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no topic Topics." + constant, e);
        }
    }

    /** The consumer group this service reads {@code topic} with, as SmallRye Kafka resolves it. */
    Optional<KafkaChannel.ConsumerGroup> consumerGroupOf(String topic) {
        return kafkaChannels().stream()
                .filter(channel -> channel.incoming() && channel.topics().contains(topic))
                .flatMap(channel -> channel.group().stream())
                .findFirst();
    }
}
