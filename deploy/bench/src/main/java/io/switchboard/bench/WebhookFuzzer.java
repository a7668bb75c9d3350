package io.switchboard.bench;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SignedWebhook;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Malformed, truncated, oversized and wrongly signed deliveries to every webhook endpoint. Bad requests must get a
 * 4xx (never a 5xx other than the deliberate 503), leave every adapter up, and create no contact.
 */
final class WebhookFuzzer {

    record Outcome(int cases, Map<Integer, Integer> statuses, List<String> unexpected, long contactsCreated) {
        boolean clean() {
            return unexpected.isEmpty() && contactsCreated == 0;
        }

        @Override
        public String toString() {
            return "%d bad deliveries, answers %s, %d contacts created%s".formatted(cases, statuses, contactsCreated,
                    unexpected.isEmpty() ? "" : ", unexpected: " + unexpected);
        }
    }

    private record Mutation(String name, boolean resign, UnaryOperator<String> body) {
    }

    private final LoadDriver driver;
    private final Gateways gateways;
    private final String bootstrapServers;
    private final Random random;

    WebhookFuzzer(LoadDriver driver, Gateways gateways, String bootstrapServers, long seed) {
        this.driver = driver;
        this.gateways = gateways;
        this.bootstrapServers = bootstrapServers;
        this.random = new Random(seed);
    }

    Outcome run() {
        long before = inboundRecords();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        int cases = 0;
        for (Channel channel : Channel.values()) {
            SignedWebhook valid = gateways.contact(channel, "fuzz-" + channel + "-" + random.nextInt(1_000_000),
                    "31612345678", "Fuzz", "Mijn internet doet het niet");
            for (Mutation mutation : mutations(valid)) {
                String body = mutation.body().apply(valid.body());
                SignedWebhook bad = mutation.resign() ? gateways.resigned(valid, body)
                        : new SignedWebhook(valid.channel(), valid.service(), valid.path(), forged(valid), valid.contentType(),
                        body, valid.providerMessageId());
                int status = driver.send(bad);
                cases++;
                statuses.merge(status, 1, Integer::sum);
                if (status < 400 || (status >= 500 && status != 503)) {
                    unexpected.add(channel + " " + mutation.name() + " → " + status);
                }
            }
        }
        return new Outcome(cases, statuses, unexpected, inboundRecords() - before);
    }

    /**
     * Form posts (Twilio) have no syntax to break: a truncated or reshaped form that still carries a call id is a
     * call, signed by Twilio, and rightly queued. For them only the signature, missing fields and size count.
     */
    private List<Mutation> mutations(SignedWebhook valid) {
        List<Mutation> all = allMutations();
        return valid.contentType().startsWith("application/x-www-form-urlencoded")
                ? all.stream().filter(m -> !List.of("truncated", "not JSON", "wrong types").contains(m.name())).toList()
                : all;
    }

    private List<Mutation> allMutations() {
        return List.of(
                new Mutation("forged signature", false, UnaryOperator.identity()),
                new Mutation("truncated", true, body -> body.substring(0, body.length() / 2)),
                new Mutation("not JSON", true, body -> "<xml>" + body + "</xml>"),
                new Mutation("empty", true, body -> ""),
                new Mutation("random bytes", true, body -> randomText(300)),
                new Mutation("wrong types", true, body -> body.replaceAll("\"[a-zA-Z_]+\":\"[^\"]*\"", "\"x\":[1,{}]")
                        .replaceFirst("^\\{", "[").replaceFirst("}$", "]")),
                new Mutation("oversized", true, body -> body + " ".repeat(2 * 1024 * 1024)));
    }

    private Map<String, String> forged(SignedWebhook webhook) {
        Map.Entry<String, String> header = webhook.headers().entrySet().iterator().next();
        String value = header.getValue();
        char last = value.charAt(value.length() - 2);
        return Map.of(header.getKey(), value.substring(0, value.length() - 2) + (last == 'a' ? 'b' : 'a')
                + value.charAt(value.length() - 1));
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (1 + random.nextInt(0x2FF)));
        }
        return text.toString();
    }

    /** Records on contacts.inbound, all partitions. */
    private long inboundRecords() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONTACTS_INBOUND).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
