package io.switchboard.work.rest;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import io.switchboard.work.service.BusinessHours;
import io.switchboard.work.service.ServiceCalendar;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Whether a channel is open now (or at {@code at}), and when that changes: for the ops-service and adapters (the
 * phone's closed-hours greeting). Opening hours are what an organisation puts on its website, so reading them needs
 * no token: an internet-facing adapter then holds no credential that could do more.
 */
@Path("/api/calendar")
@Tag(name = "calendar")
public class CalendarResource {

    private final ServiceCalendar calendar;
    private final Clock clock;

    public CalendarResource(ServiceCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GET
    @Path("/{channel}")
    @PermitAll
    @Operation(summary = "Whether a channel (and office) is open at a moment, and its next change; needs no token")
    public CalendarView calendar(Channel channel, @QueryParam("office") Office office, @QueryParam("at") Instant at) {
        Instant when = at != null ? at : clock.instant();
        BusinessHours hours = calendar.hoursOf(channel, office);
        LocalDate date = when.atZone(hours.zone()).toLocalDate();
        return new CalendarView(channel, office, hours.zone(), when, hours.isOpen(when), hours.isHoliday(date),
                hours.spansOn(date).stream().map(BusinessHours.Span::toString).toList(), hours.nextChange(when));
    }

    /**
     * @param hoursToday the day's opening hours in local time (none on a holiday)
     * @param nextChange when the channel next opens or closes; null if it never does
     */
    public record CalendarView(Channel channel, Office office, ZoneId zone, Instant at, boolean open, boolean holiday,
            List<String> hoursToday, Instant nextChange) {
    }
}
