package io.switchboard.ops.availability;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.ops.metrics.OpsSettings;
import io.switchboard.ops.workservice.WorkServiceApi;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The business hours of every channel from the work-service's calendar ({@code GET /api/calendar/{channel}}), cached
 * until the next opening or closing and at most {@link CalendarStatus#KNOWN_FOR}. The ops-service has no token of
 * its own: a request for the availability refreshes what is stale with the caller's token. Fail-open: a calendar that
 * cannot be read is {@code UNKNOWN} (shown as such, asked again after {@code switchboard.ops.calendar.unknown-for})
 * and the channel is judged by its queue alone, so an unreachable work-service never closes every channel.
 */
@ApplicationScoped
public class ChannelCalendar {

    private static final Logger LOG = Logger.getLogger(ChannelCalendar.class);
    /** Longer than the client's own timeouts; a fetch that hangs anyway counts as a failure. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    private final WorkServiceApi workService;
    private final Duration unknownFor;
    private final Clock clock;
    private final Map<Channel, CalendarStatus> known = new ConcurrentHashMap<>();
    private final Set<Channel> fetching = ConcurrentHashMap.newKeySet();

    public ChannelCalendar(@RestClient WorkServiceApi workService, OpsSettings settings, Clock clock) {
        this.workService = workService;
        this.unknownFor = settings.calendar().unknownFor();
        this.clock = clock;
    }

    /** Asks the work-service, with the caller's bearer token, for every channel not known now; never fails. */
    public Uni<Void> refresh(String bearerToken) {
        Instant now = clock.instant();
        List<Uni<CalendarStatus>> fetches = Arrays.stream(Channel.values())
                .filter(channel -> status(channel, now).staleAt(now) && fetching.add(channel))
                .map(channel -> fetch(channel, bearerToken))
                .toList();
        return fetches.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(fetches).andCollectFailures().replaceWithVoid();
    }

    /** What is known of every channel now; UNKNOWN where nothing could be read yet. */
    public Map<Channel, CalendarStatus> current() {
        Instant now = clock.instant();
        Map<Channel, CalendarStatus> current = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            current.put(channel, status(channel, now));
        }
        return current;
    }

    private CalendarStatus status(Channel channel, Instant now) {
        CalendarStatus status = known.get(channel);
        return status != null ? status : new CalendarStatus(CalendarStatus.BusinessHours.UNKNOWN, null, now);
    }

    private Uni<CalendarStatus> fetch(Channel channel, String bearerToken) {
        return workService.calendar(channel, "Bearer " + bearerToken)
                .ifNoItem().after(ANSWER_WITHIN).fail()
                .map(answer -> CalendarStatus.known(answer.open(), answer.nextChange(), clock.instant()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Calendar of %s unknown (%s); the channel is judged by its queue alone", channel,
                            failure.toString());
                    return CalendarStatus.unknown(clock.instant(), unknownFor);
                })
                .invoke(status -> known.put(channel, status))
                .eventually(() -> fetching.remove(channel));
    }
}
