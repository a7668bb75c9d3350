package io.switchboard.routing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.ChildProcess;
import io.switchboard.runtime.KafkaNode;
import io.switchboard.runtime.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged engines ({@code target/quarkus-app/quarkus-run.jar}), each its own process with its own port, in
 * the {@code routing-engine} consumer group on a real broker with four partitions: every contact is routed by
 * exactly one of them, and both take a share.
 */
class ScaleOutIT {

    private static final Path RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final Path STATE = Path.of("target", "scale-out-it").toAbsolutePath();
    private static final Pattern ROUTED = Pattern.compile("^switchboard_routing_routed_total\\{[^}]*} ([0-9.E]+)",
            Pattern.MULTILINE);
    private static final int CONTACTS = 200;

    private static KafkaNode broker;
    private static final List<ChildProcess> engines = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    static void start() {
        broker = new KafkaNode(STATE.resolve("kafka-" + Uuid.randomUuid()), Ports.free(), Ports.free(),
                Uuid.randomUuid().toString()).start();
        broker.createTopics(Topics.ALL, 4);
        for (int instance = 1; instance <= 2; instance++) {
            int port = Ports.free();
            ChildProcess engine = new ChildProcess("routing-engine-" + instance, ChildProcess.java("256m", List.of(),
                    List.of("-Dquarkus.http.port=" + port, "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                            "-jar", RUNNER.toString())),
                    Map.of(), STATE.resolve("routing-engine-" + instance + ".log")).start();
            engines.add(engine);
            ports.add(port);
        }
        for (int i = 0; i < engines.size(); i++) {
            String ready = "http://127.0.0.1:" + ports.get(i) + "/q/health/ready";
            engines.get(i).awaitReady(() -> ChildProcess.answers200(ready), Duration.ofSeconds(90));
        }
    }

    @AfterAll
    static void stop() {
        engines.forEach(engine -> engine.stop(Duration.ofSeconds(10)));
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void twoInstancesInOneGroupRouteEveryContactExactlyOnce() throws Exception {
        awaitBothInstancesOwnPartitions();
        KafkaCompanion kafka = new KafkaCompanion(broker.bootstrapServers());
        List<ContactReceived> contacts = IntStream.range(0, CONTACTS)
                .mapToObj(i -> ContactTraffic.contact(Channel.values()[i % Channel.values().length],
                        "phone:+3161000" + (i % 50), i % 2 == 0 ? "Mijn internet doet het niet" : "Where is my order?"))
                .toList();
        kafka.produceStrings().fromRecords(contacts.stream()
                .map(contact -> new ProducerRecord<>(Topics.CONTACTS_INBOUND, contact.customer().key(),
                        ContactTraffic.json(contact)))
                .toList()).awaitCompletion(Duration.ofSeconds(30));

        Set<String> sent = new HashSet<>(contacts.stream().map(ContactReceived::contactId).toList());
        var task = kafka.consumeStrings()
                .fromTopics(Set.of(Topics.CONTACTS_ROUTED), records -> records.filter(record ->
                        sent.contains(ContactTraffic.read(record.value()).path("contact").path("contactId").asText())))
                .awaitRecords(CONTACTS, Duration.ofSeconds(60));
        Thread.sleep(3000); // anything routed twice would arrive within this grace time
        List<ConsumerRecord<String, String>> routed = task.getRecords();
        task.close();

        List<String> routedIds = routed.stream()
                .map(record -> ContactTraffic.read(record.value()).path("contact").path("contactId").asText()).toList();
        assertThat(routedIds).hasSize(CONTACTS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
        routed.forEach(record -> assertThat(record.key())
                .isEqualTo(ContactTraffic.read(record.value()).path("contact").path("customer").path("key").asText()));

        double first = routedBy(ports.get(0));
        double second = routedBy(ports.get(1));
        assertThat(first).as("contacts routed by instance 1").isPositive();
        assertThat(second).as("contacts routed by instance 2").isPositive();
        assertThat(first + second).isEqualTo(CONTACTS);
    }

    private static void awaitBothInstancesOwnPartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("routing-engine"))
                        .describedGroups().get("routing-engine").get();
                return group.members().size() == 2 && group.members().stream()
                        .allMatch(member -> !member.assignment().topicPartitions().isEmpty());
            });
        }
    }

    /** The instance's own count of routed contacts, from its Prometheus endpoint. */
    private static double routedBy(int port) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = ROUTED.matcher(metrics);
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }
}
