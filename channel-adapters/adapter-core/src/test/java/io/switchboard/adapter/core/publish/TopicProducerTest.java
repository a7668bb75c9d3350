package io.switchboard.adapter.core.publish;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.runtime.KafkaNode;
import io.switchboard.runtime.Ports;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer the request's event loop sends with, against the real broker. */
class TopicProducerTest {

    private static final String TOPIC = "topic-producer-test";

    @TempDir
    static Path logs;
    private static KafkaNode broker;

    @BeforeAll
    static void startBroker() {
        broker = new KafkaNode(logs, Ports.free(), Ports.free(), "topicProducerTest00001").start();
        broker.createTopics(List.of(TOPIC), 1);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** Acknowledged means on the broker; the webhook's trace context travels in the record's headers. */
    @Test
    void sendCompletesOnceTheBrokerHasTheRecord() {
        SpanContext webhook = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        try (TopicProducer<String> producer = producer(Map.of());
                Scope scope = Context.root().with(Span.wrap(webhook)).makeCurrent()) {
            producer.send("customer-1", "hello").await().atMost(Duration.ofSeconds(10));
        }
        try (KafkaCompanion companion = new KafkaCompanion(broker.bootstrapServers())) {
            List<ConsumerRecord<String, String>> records = companion.consumeStrings().fromTopics(TOPIC, 1)
                    .awaitCompletion(Duration.ofSeconds(10)).getRecords();
            assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(Tuple.tuple("customer-1", "hello"));
            assertThat(new String(records.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        }
    }

    /** A full buffer must be a 503 at once: the send runs on the event loop, which must never wait. */
    @Test
    void fullBufferFailsTheSendAtOnceInsteadOfBlocking() {
        // Batches wait a minute before they go out, so the 32 KiB buffer fills with a handful of records.
        Map<String, String> settings = Map.of("buffer.memory", "32768", "batch.size", "16384", "linger.ms", "60000");
        try (TopicProducer<String> producer = producer(settings)) {
            String value = "x".repeat(4096);
            CompletableFuture<Void> refused = null;
            for (int sent = 0; sent < 100 && refused == null; sent++) {
                long start = System.nanoTime();
                CompletableFuture<Void> result = producer.send("customer-" + sent, value).subscribeAsCompletionStage();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
                if (result.isCompletedExceptionally()) {
                    refused = result;
                }
            }
            assertThat(refused).as("a send refused for want of buffer space").isNotNull();
        }
    }

    private static TopicProducer<String> producer(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "switchboard.producer.test.topic", TOPIC,
                "switchboard.producer.test.key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "switchboard.producer.test.value.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "switchboard.producer.test.acks", "all",
                "switchboard.producer.test.max.block.ms", "0"));
        overrides.forEach((name, value) -> properties.put("switchboard.producer.test." + name, value));
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return TopicProducer.start("test", config, Map.of("bootstrap.servers", broker.bootstrapServers()),
                W3CTraceContextPropagator.getInstance());
    }
}
