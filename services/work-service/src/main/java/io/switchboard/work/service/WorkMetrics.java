package io.switchboard.work.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.contracts.LifecycleEvent;
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

    public void published(LifecycleEvent event) {
        String channel = event.channel().name();
        registry.counter("switchboard.work.lifecycle", "channel", channel, "type", event.type().name()).increment();
        switch (event.type()) {
            case ACCEPTED -> timer("switchboard.work.wait", event)
                    .record(millis(event, "waitMillis"));
            case COMPLETED -> timer("switchboard.work.handling", event)
                    .record(millis(event, "handlingMillis"));
            default -> {
            }
        }
    }

    public void routedContact(String channel, String outcome) {
        registry.counter("switchboard.work.contacts", "channel", channel, "outcome", outcome).increment();
    }

    private Timer timer(String name, LifecycleEvent event) {
        return Timer.builder(name).tag("channel", event.channel().name()).tag("office", event.office().name())
                .register(registry);
    }

    private static Duration millis(LifecycleEvent event, String detail) {
        return Duration.ofMillis(Long.parseLong(event.details().getOrDefault(detail, "0")));
    }
}
