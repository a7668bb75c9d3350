package io.switchboard.adapter.phone.hours;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The work-service's business hours ({@code GET /api/calendar/{channel}}, docs/configuration.md "Business hours"),
 * base URL {@code quarkus.rest-client.work-service.url} ({@code SWITCHBOARD_WORK_SERVICE_URL}).
 */
@RegisterRestClient(configKey = "work-service")
public interface WorkServiceCalendar {

    /** Opening hours are public: the work-service serves them without a token. */
    @GET
    @Path("/api/calendar/{channel}")
    Uni<CalendarAnswer> calendar(@PathParam("channel") Channel channel);

    /**
     * The part of the work-service's answer the greeting needs.
     *
     * @param zone       the clock the hours are read on, to say the next opening in
     * @param nextChange when the channel next opens or closes; null if it never does
     */
    record CalendarAnswer(boolean open, ZoneId zone, Instant nextChange) {
    }
}
