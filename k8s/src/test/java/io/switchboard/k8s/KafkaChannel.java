package io.switchboard.k8s;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SmallRye Kafka channel of a service, resolved from its configuration the way the connector resolves it: the
 * channel's attribute, else the connector's ({@code mp.messaging.connector.smallrye-kafka.*}), else Quarkus' Kafka
 * defaults ({@code kafka.*}, with the application name as group id).
 *
 * @param incoming        read (true) or written (false)
 * @param topics          the topics it reads or writes
 * @param group           the consumer group of an incoming channel
 * @param deadLetterTopic where an incoming channel with the dead-letter-queue failure strategy writes
 */
record KafkaChannel(String name, boolean incoming, List<String> topics, Optional<ConsumerGroup> group,
                    Optional<String> deadLetterTopic) {

    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\..+");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    /**
     * A consumer group: a fixed name, or — when the name ends in a value only known at run time, such as
     * {@code ${quarkus.uuid}} — every group starting with {@code name}.
     */
    record ConsumerGroup(String name, boolean prefix) {
    }

    /** Every enabled channel of the configuration. */
    static List<KafkaChannel> of(Properties properties) {
        TreeSet<String> channels = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher matcher = CHANNEL_KEY.matcher(key);
            if (matcher.matches()) {
                channels.add(matcher.group(1) + "." + matcher.group(2));
            }
        }
        return channels.stream()
                .filter(channel -> !"false".equals(properties.getProperty("mp.messaging." + channel + ".enabled")))
                .map(channel -> channel(properties, channel.startsWith("incoming."), channel.substring(channel.indexOf('.') + 1)))
                .toList();
    }

    private static KafkaChannel channel(Properties properties, boolean incoming, String name) {
        String prefix = "mp.messaging." + (incoming ? "incoming." : "outgoing.") + name + ".";
        if (properties.getProperty(prefix + "pattern", "false").equals("true")) {
            throw new IllegalStateException(prefix + "pattern: a topic pattern cannot be checked against ACLs of named topics");
        }
        List<String> topics = Optional.ofNullable(properties.getProperty(prefix + "topics"))
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(topic -> !topic.isEmpty()).toList())
                .orElseGet(() -> List.of(properties.getProperty(prefix + "topic", name)));
        if (!incoming) {
            return new KafkaChannel(name, false, topics, Optional.empty(), Optional.empty());
        }
        String group = Optional.ofNullable(properties.getProperty(prefix + "group.id"))
                .or(() -> Optional.ofNullable(properties.getProperty("mp.messaging.connector.smallrye-kafka.group.id")))
                .or(() -> Optional.ofNullable(properties.getProperty("kafka.group.id")))
                .orElse(properties.getProperty("quarkus.application.name"));
        Optional<String> deadLetterTopic = "dead-letter-queue".equals(properties.getProperty(prefix + "failure-strategy"))
                ? Optional.of(properties.getProperty(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + name))
                : Optional.empty();
        return new KafkaChannel(name, true, topics, Optional.of(consumerGroup(properties, group)), deadLetterTopic);
    }

    /**
     * Expressions naming other properties (or with a default) are resolved; the first one that is not, a value known
     * only at run time, ends a prefix.
     */
    private static ConsumerGroup consumerGroup(Properties properties, String configured) {
        StringBuilder resolved = new StringBuilder();
        Matcher expression = EXPRESSION.matcher(configured);
        int end = 0;
        while (expression.find()) {
            resolved.append(configured, end, expression.start());
            String value = properties.getProperty(expression.group(1), expression.group(2));
            if (value == null) {
                return new ConsumerGroup(resolved.toString(), true);
            }
            resolved.append(value);
            end = expression.end();
        }
        return new ConsumerGroup(resolved.append(configured.substring(end)).toString(), false);
    }
}
