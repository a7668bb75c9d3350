package io.switchboard.routing.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.routing.messaging.ChannelMetricsPublisher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Per-channel routing meters: Micrometer meters with a {@code channel} tag (unknown when a message had none), and
 * the windowed counts this instance reports on {@code channel.metrics}.
 */
@ApplicationScoped
public class RoutingMetrics {

    private final MeterRegistry registry;
    private final ChannelMetricsPublisher windows;

    public RoutingMetrics(MeterRegistry registry, ChannelMetricsPublisher windows) {
        this.registry = registry;
        this.windows = windows;
    }

    /**
     * Counts the decision per office and RST class, the time from the adapter's receipt to the decision and the
     * CPU time its classification took.
     */
    public void routed(ContactRouted routed, Duration decisionTime, Duration classificationCpu) {
        String channel = routed.channel().name();
        windows.count(routed.channel(), "routed");
        windows.count(routed.channel(), "routed." + routed.office());
        windows.count(routed.channel(), "rst." + routed.rst());
        Counter.builder("switchboard.routing.routed")
                .description("Contacts routed, per channel, office and RST class")
                .tag("channel", channel).tag("office", routed.office().name()).tag("rst", routed.rst().name())
                .register(registry).increment();
        Timer.builder("switchboard.routing.decision")
                .description("Time to classify a contact and decide its office")
                .tag("channel", channel).register(registry).record(decisionTime);
        Timer.builder("switchboard.routing.classification")
                .description("CPU time to classify a contact (text, model, phrase rules, explanation)")
                .tag("channel", channel).register(registry).record(classificationCpu);
        if (routed.contact().receivedAt() != null) {
            Timer.builder("switchboard.routing.latency")
                    .description("Time from the adapter receiving a contact to its routing decision")
                    .tag("channel", channel).publishPercentiles(0.5, 0.95, 0.99)
                    .register(registry).record(Duration.between(routed.contact().receivedAt(), routed.routedAt()));
        }
    }

    /** The number of records in one batch polled from {@code contacts.inbound}. */
    public void batch(int records) {
        DistributionSummary.builder("switchboard.routing.batch.records")
                .description("Records per batch polled from contacts.inbound")
                .register(registry).record(records);
    }

    /** Counts a message sent to the dead letter topic. */
    public void deadLettered(Channel channel, String reason) {
        if (channel != null) {
            windows.count(channel, "deadLettered");
        }
        Counter.builder("switchboard.routing.dead.letters")
                .description("Messages sent to contacts.dlq, per channel and reason")
                .tag("channel", channel == null ? "unknown" : channel.name()).tag("reason", reason)
                .register(registry).increment();
    }
}
