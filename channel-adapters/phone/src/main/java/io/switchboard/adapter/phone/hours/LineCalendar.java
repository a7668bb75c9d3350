package io.switchboard.adapter.phone.hours;

import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.phone.hours.WorkServiceCalendar.CalendarAnswer;
import io.switchboard.contracts.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The phone line's business hours, read from the work-service's calendar and kept for
 * {@code switchboard.phone.calendar.cache-for} (never past the next opening or closing), so a ring costs no network
 * call. Concurrent rings while it is stale share one request. Fail-open: a calendar that cannot be read (work-service
 * down or slow) counts as open for the same period, because a caller must never be refused for
 * a service that is down.
 */
@ApplicationScoped
public class LineCalendar {

    private static final Logger LOG = Logger.getLogger(LineCalendar.class);

    private final WorkServiceCalendar workService;
    private final Duration cacheFor;
    private final AtomicReference<LineHours> known = new AtomicReference<>();
    private final AtomicReference<Uni<LineHours>> reading = new AtomicReference<>();

    public LineCalendar(@RestClient WorkServiceCalendar workService,
            @ConfigProperty(name = "switchboard.phone.calendar.cache-for") Duration cacheFor) {
        this.workService = workService;
        this.cacheFor = cacheFor;
    }

    /** The line now; never fails. */
    public Uni<LineHours> now() {
        LineHours hours = known.get();
        if (hours != null && Instant.now().isBefore(hours.validUntil())) {
            return Uni.createFrom().item(hours);
        }
        Uni<LineHours> read = Uni.createFrom().deferred(this::read).memoize().indefinitely();
        return reading.compareAndSet(null, read) ? read : Optional.ofNullable(reading.get()).orElse(read);
    }

    private Uni<LineHours> read() {
        return workService.calendar(Channel.PHONE)
                .map(this::hours)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Calendar of PHONE not readable (%s): the line counts as open for %s", failure.toString(),
                            cacheFor);
                    return LineHours.unknown(Instant.now().plus(cacheFor));
                })
                .invoke(hours -> {
                    known.set(hours);
                    reading.set(null);
                });
    }

    private LineHours hours(CalendarAnswer answer) {
        Instant until = Instant.now().plus(cacheFor);
        if (answer.nextChange() != null && answer.nextChange().isBefore(until)) {
            until = answer.nextChange();
        }
        boolean closed = !answer.open();
        return new LineHours(answer.open(), closed && answer.nextChange() != null && answer.zone() != null
                ? answer.nextChange().atZone(answer.zone()) : null, until);
    }
}
