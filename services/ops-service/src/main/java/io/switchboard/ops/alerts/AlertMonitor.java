package io.switchboard.ops.alerts;

import io.quarkus.scheduler.Scheduled;
import io.switchboard.contracts.Alert;
import io.switchboard.contracts.Channel;
import io.switchboard.ops.metrics.BoardSnapshot;
import io.switchboard.ops.metrics.ChannelBoard;
import io.switchboard.ops.metrics.ChannelView;
import io.switchboard.ops.metrics.Figures;
import io.switchboard.ops.metrics.OpsSettings;
import io.switchboard.ops.metrics.ReplyFigures;
import io.switchboard.ops.messaging.AlertPublisher;
import io.switchboard.ops.messaging.ReplayProgress;
import io.switchboard.ops.unmapped.UnmappedDeliveries;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the alert conditions on a schedule and publishes each change of state on {@code alerts}, keyed by what
 * the alert is about: a complaint surge on a topic, a channel's service level under its goal, a contact waiting
 * longer than its channel's queue-age limit, contacts no agent on duty could take, signed deliveries of a channel
 * that its adapter could not map, a channel whose replies fail. A condition that holds again is not raised again
 * until cleared.
 */
@ApplicationScoped
public class AlertMonitor {

    /** A surge clears only well below the level that raised it, so a topic on the edge does not flap. */
    private static final double SURGE_CLEAR_RATIO = 0.8;

    private final OpsSettings settings;
    private final ChannelBoard board;
    private final ComplaintSurge complaints;
    private final AlertBook book;
    private final AlertPublisher publisher;
    private final ReplayProgress replay;
    private final UnmappedDeliveries unmapped;
    private final Clock clock;

    public AlertMonitor(OpsSettings settings, ChannelBoard board, ComplaintSurge complaints, AlertBook book,
            AlertPublisher publisher, ReplayProgress replay, UnmappedDeliveries unmapped, Clock clock) {
        requireWindow("service-level-window", settings.alerts().serviceLevelWindow());
        requireWindow("reply-failure-window", settings.alerts().replyFailureWindow());
        this.settings = settings;
        this.board = board;
        this.complaints = complaints;
        this.book = book;
        this.publisher = publisher;
        this.replay = replay;
        this.unmapped = unmapped;
        this.clock = clock;
    }

    /** Waits for the replay: a half-rebuilt board would raise false alerts, or raise again what is raised. */
    @Scheduled(every = "${switchboard.ops.alerts.interval:5s}", delayed = "${switchboard.ops.alerts.start-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evaluate() {
        if (!replay.caughtUp()) {
            return;
        }
        Instant now = clock.instant();
        // A fresh snapshot, not the one of the last second: that may predate the end of the replay.
        BoardSnapshot snapshot = board.snapshot(now);
        snapshot.channels().forEach(view -> {
            serviceLevel(view, now);
            queueAge(view, now);
            stranded(view, now);
            replyDelivery(view, now);
        });
        complaintSurges(now);
        unmappedDeliveries(now);
    }

    /** Kept deliveries are customers' messages nobody sees until the mapping is fixed and they are replayed. */
    private void unmappedDeliveries(Instant now) {
        Duration window = settings.alerts().unmappedWindow();
        Map<Channel, Long> recent = unmapped.receivedSince(now.minus(window));
        for (Channel channel : Channel.values()) {
            long count = recent.getOrDefault(channel, 0L);
            if (count > 0) {
                publish(book.raise(Alert.Kind.UNMAPPED_DELIVERY, channel.name(), channel,
                        ("%d signed %s deliveries in the last %s could not be mapped; kept on contacts.unmapped,"
                                + " replay them after a fix").formatted(count, channel, seconds(window.toSeconds())),
                        count, 0, now));
            } else {
                publish(book.clear(Alert.Kind.UNMAPPED_DELIVERY, channel.name(), 0, now));
            }
        }
    }

    private void serviceLevel(ChannelView view, Instant now) {
        Figures window = view.windows().get(settings.alerts().serviceLevelWindow());
        String key = view.channel().name();
        boolean measurable = window.serviceLevel() != null
                && window.serviceLevelContacts() >= settings.alerts().serviceLevelMinimum();
        if (measurable && window.serviceLevel() < view.serviceLevelGoal()) {
            publish(book.raise(Alert.Kind.SERVICE_LEVEL_BREACH, key, view.channel(),
                    "%s service level %.0f %% over the last %s, goal %.0f %% within %s".formatted(view.channel(),
                            100 * window.serviceLevel(), settings.alerts().serviceLevelWindow(),
                            100 * view.serviceLevelGoal(), seconds(view.serviceLevelTargetSeconds())),
                    window.serviceLevel(), view.serviceLevelGoal(), now));
        } else if (window.serviceLevel() == null || window.serviceLevel() >= view.serviceLevelGoal()) {
            publish(book.clear(Alert.Kind.SERVICE_LEVEL_BREACH, key,
                    window.serviceLevel() == null ? Double.NaN : window.serviceLevel(), now));
        }
    }

    private void queueAge(ChannelView view, Instant now) {
        double limit = settings.policy(view.channel()).queueAgeLimit().toMillis() / 1000.0;
        double oldest = view.oldestWaitSeconds() == null ? 0 : view.oldestWaitSeconds();
        String key = view.channel().name();
        if (oldest > limit) {
            publish(book.raise(Alert.Kind.QUEUE_AGE, key, view.channel(),
                    "%s: a contact has waited %s, limit %s".formatted(view.channel(), seconds(oldest), seconds(limit)),
                    oldest, limit, now));
        } else {
            publish(book.clear(Alert.Kind.QUEUE_AGE, key, oldest, now));
        }
    }

    /** Raised before the service level breaks: nobody on duty could take these contacts however long they wait. */
    private void stranded(ChannelView view, Instant now) {
        String key = view.channel().name();
        long stranded = view.itemsStranded() == null ? 0 : view.itemsStranded();
        if (stranded > 0) {
            publish(book.raise(Alert.Kind.ITEMS_STRANDED, key, view.channel(),
                    ("%d %s contacts wait with no eligible agent on duty (skill, language, region or capacity);"
                            + " GET /api/queues on the work-service says why").formatted(stranded, view.channel()),
                    stranded, 0, now));
        } else {
            publish(book.clear(Alert.Kind.ITEMS_STRANDED, key, 0, now));
        }
    }

    /**
     * Failed replies are customers left without an answer they were promised: a wrong or expired credential, a
     * provider refusing, a closed window. Each failure is on its item with the provider's error; this says it is
     * not one customer but the channel.
     */
    private void replyDelivery(ChannelView view, Instant now) {
        OpsSettings.Alerts alerts = settings.alerts();
        ReplyFigures replies = view.windows().get(alerts.replyFailureWindow()).replies();
        String key = view.channel().name();
        Double share = replies.failureRate();
        if (share != null && replies.attempts() >= alerts.replyFailureMinimum() && share > alerts.replyFailureShare()) {
            publish(book.raise(Alert.Kind.REPLY_DELIVERY_FAILING, key, view.channel(),
                    ("%d of %d %s replies failed over the last %s (limit %.0f %%); the provider's errors are on the"
                            + " items' replies").formatted(replies.failed(), replies.attempts(), view.channel(),
                            alerts.replyFailureWindow(), 100 * alerts.replyFailureShare()),
                    share, alerts.replyFailureShare(), now));
        } else if (share == null || share <= alerts.replyFailureShare()) {
            publish(book.clear(Alert.Kind.REPLY_DELIVERY_FAILING, key, share == null ? Double.NaN : share, now));
        }
    }

    private void complaintSurges(Instant now) {
        Set<String> seen = new HashSet<>();
        for (ComplaintSurge.Reading reading : complaints.readings(now)) {
            seen.add(reading.topic());
            if (reading.surging()) {
                publish(book.raise(Alert.Kind.COMPLAINT_SURGE, reading.topic(), null,
                        "%d complaints about %s in the last %s across %s (normally %.1f)".formatted(
                                reading.complaints(), reading.topic(),
                                settings.alerts().surgeWindow().toString().substring(2).toLowerCase(Locale.ROOT),
                                reading.channels(), reading.baselinePerWindow()),
                        reading.complaints(), reading.threshold(), now));
            } else if (reading.complaints() < SURGE_CLEAR_RATIO * reading.threshold()) {
                publish(book.clear(Alert.Kind.COMPLAINT_SURGE, reading.topic(), reading.complaints(), now));
            }
        }
        // A topic without complaints in the whole baseline period has no reading any more.
        book.activeKeys(Alert.Kind.COMPLAINT_SURGE).stream().filter(topic -> !seen.contains(topic))
                .forEach(topic -> publish(book.clear(Alert.Kind.COMPLAINT_SURGE, topic, 0, now)));
    }

    private void publish(Optional<Alert> change) {
        change.ifPresent(publisher::publish);
    }

    private static void requireWindow(String property, String window) {
        if (!ChannelBoard.WINDOWS.containsKey(window)) {
            throw new IllegalArgumentException("switchboard.ops.alerts." + property + " must be one of "
                    + ChannelBoard.WINDOWS.keySet());
        }
    }

    private static String seconds(double seconds) {
        return seconds < 120 ? "%.0f s".formatted(seconds) : "%.0f min".formatted(seconds / 60);
    }
}
