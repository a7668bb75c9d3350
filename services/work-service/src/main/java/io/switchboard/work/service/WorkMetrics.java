package io.switchboard.work.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Per-channel meters of the work service, counted from the lifecycle events as they are published (so they count
 * committed steps only): {@code switchboard_work_lifecycle_total{channel,type}}, the wait of answered contacts
 * ({@code switchboard_work_wait_seconds{channel}}) and handling time ({@code switchboard_work_handling_seconds}).
 */
@ApplicationScoped
public class WorkMetrics {

    private final MeterRegistry registry;

    public WorkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A lifecycle step as the outbox relay published it; the millis are set on ACCEPTED and COMPLETED. */
    public record Step(String type, String channel, String office, String waitMillis, String handlingMillis) {
    }

    public void published(Step step) {
        registry.counter("switchboard.work.lifecycle", "channel", step.channel(), "type", step.type()).increment();
        if (step.waitMillis() != null) {
            timer("switchboard.work.wait", step).record(Duration.ofMillis(Long.parseLong(step.waitMillis())));
        }
        if (step.handlingMillis() != null) {
            timer("switchboard.work.handling", step).record(Duration.ofMillis(Long.parseLong(step.handlingMillis())));
        }
    }

    /** An abandon from {@code contacts.abandoned}: abandoned, kept_for_arrival (its contact is not here yet), unchanged. */
    public void abandon(String outcome) {
        registry.counter("switchboard.work.abandons", "outcome", outcome).increment();
    }

    public void routedContact(String channel, String outcome) {
        registry.counter("switchboard.work.contacts", "channel", channel, "outcome", outcome).increment();
    }

    private Timer timer(String name, Step step) {
        return Timer.builder(name).tag("channel", step.channel()).tag("office", step.office()).register(registry);
    }
}
