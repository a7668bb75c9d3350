package io.switchboard.work.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.contracts.DeliveryState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Per-channel meters of the work service, counted from the lifecycle events as they are published (so they count
 * committed steps only): {@code switchboard_work_lifecycle_total{channel,type}}, the wait of answered contacts
 * ({@code switchboard_work_wait_seconds{channel}}) and handling time ({@code switchboard_work_handling_seconds}),
 * reservations agents let expire ({@code switchboard_work_reservation_timeouts_total{channel,office}}) and items
 * flagged for supervisors after too many re-offers ({@code switchboard_work_flagged_total{channel,office}}),
 * replies by the state they reached ({@code switchboard_work_replies_total{channel,state}}, PENDING when stored),
 * and survey answers by what became of them ({@code switchboard_work_survey_answers_total{outcome}}).
 */
@ApplicationScoped
public class WorkMetrics {

    private static final String REPLY_PREFIX = "REPLY_";

    private final MeterRegistry registry;

    public WorkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A lifecycle step as the outbox relay published it; the millis are set on ACCEPTED and COMPLETED, the reason
     * on REQUEUED, flagged when the step left the item to supervisors.
     */
    public record Step(String type, String channel, String office, String waitMillis, String handlingMillis,
            String reason, boolean flagged) {
    }

    public void published(Step step) {
        registry.counter("switchboard.work.lifecycle", "channel", step.channel(), "type", step.type()).increment();
        if (step.type().startsWith(REPLY_PREFIX)) {
            registry.counter("switchboard.work.replies", "channel", step.channel(), "state", replyState(step.type()))
                    .increment();
        }
        if (step.waitMillis() != null) {
            timer("switchboard.work.wait", step).record(Duration.ofMillis(Long.parseLong(step.waitMillis())));
        }
        if (step.handlingMillis() != null) {
            timer("switchboard.work.handling", step).record(Duration.ofMillis(Long.parseLong(step.handlingMillis())));
        }
        if ("reservation-timeout".equals(step.reason())) {
            registry.counter("switchboard.work.reservation.timeouts", "channel", step.channel(), "office",
                    step.office()).increment();
        }
        if (step.flagged()) {
            registry.counter("switchboard.work.flagged", "channel", step.channel(), "office", step.office())
                    .increment();
        }
    }

    /** An abandon from {@code contacts.abandoned}: abandoned, kept_for_arrival (its contact is not here yet), unchanged. */
    public void abandon(String outcome) {
        registry.counter("switchboard.work.abandons", "outcome", outcome).increment();
    }

    /** A survey answer from {@code contacts.feedback}: recorded, unchanged (a redelivery), unknown. */
    public void surveyAnswer(String outcome) {
        registry.counter("switchboard.work.survey.answers", "outcome", outcome).increment();
    }

    public void routedContact(String channel, String outcome) {
        registry.counter("switchboard.work.contacts", "channel", channel, "outcome", outcome).increment();
    }

    /** REPLY_REQUESTED is a reply that waits for its adapter: PENDING, as the reply's state says. */
    private static String replyState(String type) {
        String state = type.substring(REPLY_PREFIX.length());
        return "REQUESTED".equals(state) ? DeliveryState.PENDING.name() : state;
    }

    private Timer timer(String name, Step step) {
        return Timer.builder(name).tag("channel", step.channel()).tag("office", step.office()).register(registry);
    }
}
