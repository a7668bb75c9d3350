package io.switchboard.ops.availability;

import io.switchboard.contracts.Channel;
import io.switchboard.ops.metrics.BoardSnapshot;
import io.switchboard.ops.metrics.ChannelView;
import io.switchboard.ops.metrics.OpsSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Opens or closes each channel for new contacts. A channel closes outside its business hours (the work-service's
 * calendar, {@link ChannelCalendar}), when no agent who can take it is available, or when a new contact's expected
 * wait exceeds the channel's limit; a closed channel names the open alternative with the shortest expected wait.
 * <p>
 * Agents: the level {@code agents.available} the work-service reports per channel on {@code channel.metrics} (agents
 * with status AVAILABLE whose skills and capacity include the channel, busy or not) is authoritative; without a fresh report, a channel with contacts waiting and no agent seen working it in the last
 * 15 minutes counts as unstaffed. Without either signal and with nobody waiting the channel stays open, so a
 * missing report never hides every channel.
 * <p>
 * Expected wait: the queue ahead plus the newcomer, divided by the rate at which the channel's agents answered over
 * the last five minutes ({@code (waiting + 1) / answered-per-second}); with nobody waiting and an agent free it is
 * zero. When nothing was answered in five minutes while contacts wait, the queue is not moving and the wait is
 * unknown, which closes the channel.
 */
@ApplicationScoped
public class ChannelGate {

    private static final String RATE_WINDOW = "5m";
    private static final double RATE_WINDOW_SECONDS = 300;

    private final OpsSettings settings;
    private final ChannelCalendar calendar;

    public ChannelGate(OpsSettings settings, ChannelCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    /** Judges every channel with the business hours known now (refresh them first: {@link ChannelCalendar}). */
    public List<ChannelAvailability> assess(BoardSnapshot snapshot) {
        Map<Channel, CalendarStatus> hours = calendar.current();
        List<ChannelAvailability> assessed = new ArrayList<>();
        for (ChannelView view : snapshot.channels()) {
            assessed.add(assess(view, hours.get(view.channel())));
        }
        return assessed.stream().map(availability -> availability.open() ? availability
                : withAlternative(availability, assessed)).toList();
    }

    private ChannelAvailability assess(ChannelView view, CalendarStatus hours) {
        double limit = settings.policy(view.channel()).maxExpectedWait().toMillis() / 1000.0;
        Double expectedWait = expectedWait(view);
        boolean unstaffed = view.agentsAvailable() != null
                ? view.agentsAvailable() == 0
                : view.waiting() > 0 && view.activeAgents() == 0;
        String reason;
        boolean open;
        Instant opensAt = null;
        if (hours.state() == CalendarStatus.BusinessHours.CLOSED) {
            open = false;
            opensAt = hours.nextChange();
            reason = opensAt == null ? "closed outside business hours"
                    : "closed outside business hours, opens " + opensAt;
        } else if (unstaffed) {
            open = false;
            reason = view.agentsAvailable() != null ? "no available agent can take this channel"
                    : "contacts wait and no agent has worked this channel in the last 15 minutes";
        } else if (expectedWait == null) {
            open = false;
            reason = "contacts wait and none was answered in the last 5 minutes";
        } else if (expectedWait > limit) {
            open = false;
            reason = "expected wait %.0f s exceeds the limit of %.0f s".formatted(expectedWait, limit);
        } else {
            open = true;
            reason = view.agentsAvailable() == null && view.activeAgents() == 0
                    ? "open: no agent information reported yet" : "open";
        }
        return new ChannelAvailability(view.channel(), open, reason, expectedWait, limit, view.agentsAvailable(),
                view.activeAgents(), null, hours.state(), opensAt);
    }

    static Double expectedWait(ChannelView view) {
        boolean agentFree = view.agentsAvailable() == null || view.agentsAvailable() > 0;
        if (view.waiting() == 0 && agentFree) {
            return 0.0;
        }
        long answered = view.windows().get(RATE_WINDOW).answered();
        if (answered == 0) {
            return null;
        }
        return (view.waiting() + 1) / (answered / RATE_WINDOW_SECONDS);
    }

    private ChannelAvailability withAlternative(ChannelAvailability closed, List<ChannelAvailability> all) {
        List<Channel> preference = settings.alternatives();
        Channel alternative = all.stream()
                .filter(ChannelAvailability::open)
                .filter(candidate -> candidate.channel() != closed.channel())
                .filter(candidate -> preference.contains(candidate.channel()))
                .min(Comparator.comparingDouble((ChannelAvailability candidate) -> candidate.expectedWaitSeconds())
                        .thenComparingInt(candidate -> preference.indexOf(candidate.channel())))
                .map(ChannelAvailability::channel)
                .orElse(null);
        return new ChannelAvailability(closed.channel(), false, closed.reason(), closed.expectedWaitSeconds(),
                closed.maxExpectedWaitSeconds(), closed.agentsAvailable(), closed.activeAgents(), alternative,
                closed.businessHours(), closed.opensAt());
    }
}
