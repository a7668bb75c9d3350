package io.switchboard.adapter.core.publish;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.KafkaConnection;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * A Kafka producer for one topic, used straight from the request's event loop: {@link #send} hands the record to
 * the producer on the calling thread and the returned {@link Uni} completes in the producer's acknowledgement
 * callback. A webhook so wakes the event loop and the producer's network thread only, not a sending thread in
 * between as SmallRye's emitter does (docs/channels.md, "Cost of a webhook").
 * <p>
 * Configured by {@code switchboard.producer.<name>.*}: {@code topic} and the producer's own properties, on top of
 * the connection settings of {@code kafka.*} ({@link KafkaConnection}). {@code max.block.ms=0} keeps
 * {@code send} from ever blocking the event loop: a full buffer or a topic whose partitions are unknown fails the
 * send at once, which the caller answers with a 503. So the partitions are fetched at start, before the first
 * webhook, and kept while idle ({@code metadata.max.idle.ms}). The request's trace context goes along in the
 * record's headers, as SmallRye's connector sends it, so the consumer's spans join the webhook's trace.
 */
final class TopicProducer<V> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicProducer.class);
    // How long start waits for the topic's partitions; a broker that is down then is a 503 until it is back.
    private static final Duration METADATA_WAIT = Duration.ofSeconds(10);
    private static final Duration METADATA_POLL = Duration.ofMillis(50);

    private final String topic;
    private final KafkaProducer<String, V> producer;
    private final TextMapPropagator propagator;

    private TopicProducer(String topic, KafkaProducer<String, V> producer, TextMapPropagator propagator) {
        this.topic = topic;
        this.producer = producer;
        this.propagator = propagator;
    }

    /** Builds the producer named {@code name} and waits (bounded) for its topic's partitions. */
    static <V> TopicProducer<V> start(String name, Config config, Map<String, Object> kafkaDefaults,
            TextMapPropagator propagator) {
        String prefix = "switchboard.producer." + name + ".";
        Map<String, Object> properties = KafkaConnection.of(kafkaDefaults);
        properties.put("client.id", "kafka-producer-" + name);
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(property -> property.startsWith(prefix))
                .forEach(property -> properties.put(property.substring(prefix.length()),
                        config.getValue(property, String.class)));
        String topic = (String) properties.remove("topic");
        if (topic == null) {
            throw new IllegalStateException(prefix + "topic is not set");
        }
        TopicProducer<V> started = new TopicProducer<>(topic, new KafkaProducer<>(properties), propagator);
        started.awaitPartitions();
        return started;
    }

    /** Completes when every in-sync replica has the record (acks=all), fails when Kafka refused or timed out. */
    Uni<Void> send(String key, V value) {
        return Uni.createFrom().emitter(emitter -> {
            ProducerRecord<String, V> record = new ProducerRecord<>(topic, key, value);
            propagator.inject(Context.current(), record.headers(), TopicProducer::header);
            try {
                producer.send(record, (metadata, failure) -> {
                    if (failure == null) {
                        emitter.complete(null);
                    } else {
                        emitter.fail(failure);
                    }
                });
            } catch (RuntimeException e) {
                // Serialisation and closed-producer failures are thrown; timeouts and a full buffer reach the callback.
                emitter.fail(e);
            }
        });
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitPartitions() {
        long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
        while (true) {
            try {
                // With max.block.ms=0 this answers at once: from the cache, or by asking the network thread for it.
                producer.partitionsFor(topic);
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    LOG.warnf("No partitions of %s after %s: contacts are refused with 503 until the broker answers",
                            topic, METADATA_WAIT);
                    return;
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(METADATA_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching the topic's partitions", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
