package io.switchboard.routing;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.ChildProcess;
import io.switchboard.runtime.KafkaNode;
import io.switchboard.runtime.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * What the packaged engine costs when no contact arrives, how long the first contact of a fresh stack takes and
 * what a contact costs under load: a real broker with the topics, the engine ({@code target/quarkus-app}, or the
 * directory given as first argument) as its own process, one contact through it (sent → {@code routedAt}), the
 * engine's CPU time (user + system, from /proc) over a quiet minute (seconds: second argument), then its CPU time
 * per contact for a burst of 5 000 contacts. Run it with
 * {@code ./mvnw -o -q -pl routing-engine package -DskipTests exec:java@idle-cost}.
 */
public final class IdleCost {

    private static final int BURST = 5_000;
    private static final Pattern ROUTED = Pattern.compile("^switchboard_routing_routed_total\\{[^}]*} ([0-9.E]+)",
            Pattern.MULTILINE);

    private IdleCost() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            measure(args);
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(status); // the measurement's Kafka clients leave threads that would keep exec:java waiting
        }
    }

    private static void measure(String[] args) throws Exception {
        // target/test-classes/.. : the module's build directory, wherever Maven was started
        Path target = Path.of(IdleCost.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        Path state = target.resolve("idle-cost");
        Path app = args.length > 0 ? Path.of(args[0]).toAbsolutePath() : target.resolve("quarkus-app");
        Duration quiet = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        KafkaNode broker = new KafkaNode(state.resolve("kafka-" + Uuid.randomUuid()), Ports.free(), Ports.free(),
                Uuid.randomUuid().toString()).start();
        int port = Ports.free();
        ChildProcess engine = new ChildProcess("routing-engine", ChildProcess.java("256m", List.of(),
                List.of("-Dquarkus.http.port=" + port, "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                        "-jar", app.resolve("quarkus-run.jar").toString())),
                Map.of(), state.resolve("routing-engine.log"));
        try {
            broker.createTopics(Topics.ALL, 3);
            engine.start().awaitReady(() -> ChildProcess.answers200("http://127.0.0.1:" + port + "/q/health/ready"),
                    Duration.ofSeconds(90));
            awaitPartitionsAssigned(broker.bootstrapServers());

            Duration firstContact = firstContact(broker.bootstrapServers());

            Thread.sleep(5_000); // start-up and the first contact's work settle
            ProcessHandle process = ProcessHandle.of(engine.pid()).orElseThrow();
            Duration before = process.info().totalCpuDuration().orElseThrow();
            Thread.sleep(quiet.toMillis());
            Duration used = process.info().totalCpuDuration().orElseThrow().minus(before);

            System.out.printf(Locale.ROOT, "first contact of a fresh stack: routed %d ms after it was sent%n",
                    firstContact.toMillis());
            System.out.printf(Locale.ROOT, "idle CPU: %d ms in %d s = %.2f%% of one core%n", used.toMillis(),
                    quiet.toSeconds(), 100.0 * used.toMillis() / quiet.toMillis());

            Duration beforeBurst = process.info().totalCpuDuration().orElseThrow();
            sendBurst(broker.bootstrapServers());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> routed(port) >= BURST + 1);
            Duration burst = process.info().totalCpuDuration().orElseThrow().minus(beforeBurst);
            System.out.printf(Locale.ROOT, "burst of %d contacts: %.0f µs CPU per contact (all of the engine)%n",
                    BURST, burst.toNanos() / 1000.0 / BURST);
        } finally {
            engine.stop(Duration.ofSeconds(10));
            broker.close();
        }
    }

    /** From sending a contact (the producer already knows the topic) to the engine's routing decision. */
    private static Duration firstContact(String bootstrapServers) throws Exception {
        ContactReceived contact = ContactTraffic.contact(Channel.WHATSAPP, ContactTraffic.uniqueCustomer(),
                "Mijn internet doet het niet");
        Instant sent;
        try (Producer<String, String> producer = producer(bootstrapServers)) {
            producer.partitionsFor(Topics.CONTACTS_INBOUND);
            sent = Instant.now();
            producer.send(new ProducerRecord<>(Topics.CONTACTS_INBOUND, contact.customer().key(),
                    ContactTraffic.json(contact))).get();
        }
        String routed = new ContactTraffic(bootstrapServers).routed(contact.contactId()).value();
        return Duration.between(sent, Instant.parse(ContactTraffic.read(routed).path("routedAt").asText()));
    }

    private static void sendBurst(String bootstrapServers) {
        try (Producer<String, String> producer = producer(bootstrapServers)) {
            for (int i = 0; i < BURST; i++) {
                String text = i % 2 == 0 ? "Mijn internet doet het niet" : "Where is my order?";
                ContactReceived contact = ContactTraffic.contact(Channel.values()[i % Channel.values().length],
                        "phone:+3161000" + (i % 500), text);
                producer.send(new ProducerRecord<>(Topics.CONTACTS_INBOUND, contact.customer().key(),
                        ContactTraffic.json(contact)));
            }
        }
    }

    private static Producer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
    }

    /** The engine's own count of routed contacts. */
    private static double routed(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build();
        String metrics = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = ROUTED.matcher(metrics);
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    private static void awaitPartitionsAssigned(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeConsumerGroups(List.of("routing-engine"))
                    .describedGroups().get("routing-engine").get().members().stream()
                    .anyMatch(member -> !member.assignment().topicPartitions().isEmpty()));
        }
    }
}
