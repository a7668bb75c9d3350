package io.switchboard.work.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Interval reports for supervisors and operations, from PostgreSQL (docs/metrics.md, "Reports"): JSON, or CSV with
 * {@code Accept: text/csv} or {@code format=csv}.
 */
@Path("/api/reports")
@Tag(name = "reports")
@RolesAllowed({ "supervisor", "ops" })
public class ReportResource {

    static final String CSV = "text/csv";

    private final ReportRepository reports;
    private final ReportSettings settings;

    public ReportResource(ReportRepository reports, ReportSettings settings) {
        this.reports = reports;
        this.settings = settings;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "Offered, answered, abandoned, service level, ASA, AHT, FCR, escalations, surveys, NPS, "
            + "CSAT, offers and revenue per interval, channel and office")
    public Uni<Response> report(@RestQuery String from, @RestQuery String to, @RestQuery String interval,
            @RestQuery Channel channel, @RestQuery Office office, @RestQuery String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ReportQuery query = query(from, to, interval, channel, office);
        return reports.report(query).map(rows -> respond(query, rows, format, accept, "report",
                ReportResource::reportCsv));
    }

    @GET
    @Path("/complaints")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "Complaints per interval and topic: which subjects rise")
    public Uni<Response> complaints(@RestQuery String from, @RestQuery String to, @RestQuery String interval,
            @RestQuery Channel channel, @RestQuery Office office, @RestQuery String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ReportQuery query = query(from, to, interval, channel, office);
        return reports.complaints(query).map(rows -> respond(query, rows, format, accept, "complaints",
                ReportResource::complaintsCsv));
    }

    private ReportQuery query(String from, String to, String interval, Channel channel, Office office) {
        ZoneId zone = settings.zone();
        ReportInterval length = ReportInterval.parse(interval == null ? "P1D" : interval);
        Instant start = ReportPeriod.parse("from", from, zone);
        Instant end = ReportPeriod.parse("to", to, zone);
        if (!end.isAfter(start)) {
            throw new BadRequestException("to must be after from");
        }
        ReportQuery query = ReportQuery.aligned(start, end, length, zone, channel, office);
        if (query.intervals(settings.maxIntervals() + 1) > settings.maxIntervals()) {
            throw new BadRequestException("more than " + settings.maxIntervals() + " intervals: choose a longer "
                    + "interval or a shorter period");
        }
        return query;
    }

    private static <T> Response respond(ReportQuery query, List<T> rows, String format, String accept, String name,
            Function<List<T>, String> csv) {
        boolean asCsv = "csv".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.toLowerCase().contains(CSV));
        if (asCsv) {
            String file = "%s-%s-%s.csv".formatted(name, query.from().atZone(query.zone()).toLocalDate(),
                    query.interval());
            return Response.ok(csv.apply(rows), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
        }
        return Response.ok(new Report<>(query.from(), query.to(), query.interval(), query.zone().getId(),
                query.channel(), query.office(), rows), MediaType.APPLICATION_JSON).build();
    }

    private static String reportCsv(List<ReportRow> rows) {
        Csv csv = new Csv().record(List.of("from", "to", "channel", "office", "offered", "answered", "abandoned",
                "short_abandons", "service_level", "asa_seconds", "completed", "aht_seconds", "fcr", "escalations",
                "surveys_sent", "surveys_answered", "nps", "csat", "offers_shown", "offers_accepted", "revenue",
                "currency"));
        rows.forEach(row -> csv.record(Arrays.asList(row.from(), row.to(), row.channel(), row.office(),
                row.offered(), row.answered(), row.abandoned(), row.shortAbandons(), row.serviceLevel(),
                row.averageWaitSeconds(), row.completed(), row.averageHandlingSeconds(),
                row.firstContactResolution(), row.escalations(), row.surveysSent(), row.surveysAnswered(), row.nps(),
                row.csat(), row.offersShown(), row.offersAccepted(), row.revenue(), row.currency())));
        return csv.toString();
    }

    private static String complaintsCsv(List<ReportRepository.ComplaintCount> rows) {
        Csv csv = new Csv().record(List.of("from", "to", "topic", "complaints"));
        rows.forEach(row -> csv.record(List.of(row.from(), row.to(), row.topic(), row.complaints())));
        return csv.toString();
    }

    /** A report: the period as aligned (instants, UTC), the zone it was aligned in, and its rows. */
    public record Report<T>(Instant from, Instant to, ReportInterval interval, String zone, Channel channel,
            Office office, List<T> rows) {
    }
}
