package io.switchboard.adapter.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.adapter.core.problem.Rejection;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.DeliveryState;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * The adapter's meters, all tagged with its {@code channel} so the operations dashboards can compare channels:
 * contacts received, webhooks rejected by reason, publish latency by outcome, provider delivery statuses,
 * notifications accepted without becoming a contact, signed deliveries kept unmapped by reason, and the
 * outcome of each outbound message ({@code switchboard_replies_total}, tagged with the message's channel).
 */
@ApplicationScoped
public class AdapterMetrics {

    private final MeterRegistry registry;
    private final String channel;
    // The meters every contact touches, registered once: looking them up builds and sorts their tags each time.
    private final Counter received;
    private final Timer acknowledged;
    private final Timer failed;

    public AdapterMetrics(MeterRegistry registry, @ConfigProperty(name = "switchboard.channel") Channel channel) {
        this.registry = registry;
        this.channel = channel.name();
        this.received = registry.counter("switchboard.adapter.contacts.received", "channel", this.channel);
        this.acknowledged = publishLatency("acknowledged");
        this.failed = publishLatency("failed");
    }

    public void received() {
        received.increment();
    }

    public void rejected(Rejection rejection) {
        registry.counter("switchboard.adapter.webhooks.rejected", "channel", channel, "reason", rejection.reason())
                .increment();
    }

    /** A notification that is acknowledged but is not a contact (a status, a ping, an unsubscribed topic). */
    public void ignored(String kind) {
        registry.counter("switchboard.adapter.notifications.ignored", "channel", channel, "kind", kind).increment();
    }

    /** A signed delivery kept on contacts.unmapped because it could not be mapped. */
    public void unmapped(String reason) {
        registry.counter("switchboard.adapter.unmapped.deliveries", "channel", channel, "reason", reason).increment();
    }

    /** Delivery status of a message Switchboard sent (sent, delivered, read, failed). */
    public void deliveryStatus(String status) {
        registry.counter("switchboard.adapter.delivery.status", "channel", channel, "status", status).increment();
    }

    /** What became of an outbound message when the adapter sent it (sent, failed, unconfirmed). */
    public void replied(Channel channel, String provider, DeliveryState outcome) {
        registry.counter("switchboard.replies", "channel", channel.name(), "provider", String.valueOf(provider),
                "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
    }

    public Timer.Sample startPublish() {
        return Timer.start(registry);
    }

    public void published(Timer.Sample sample, boolean acknowledged) {
        sample.stop(acknowledged ? this.acknowledged : failed);
    }

    private Timer publishLatency(String outcome) {
        return Timer.builder("switchboard.adapter.publish.latency")
                .description("From handing an event to the producer until Kafka acknowledged or refused it")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }
}
