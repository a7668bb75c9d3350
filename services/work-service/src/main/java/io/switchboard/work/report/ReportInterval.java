package io.switchboard.work.report;

import jakarta.ws.rs.BadRequestException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;

/**
 * The lengths a report is cut into, aligned in the report's zone: quarter hours and hours on the clock, days from
 * local midnight (23 or 25 hours on the days the clocks change) and ISO weeks from Monday's midnight.
 */
public enum ReportInterval {

    PT15M("15 minutes", "date_bin('15 minutes', %s, $1)"),
    PT1H("1 hour", "date_bin('1 hour', %s, $1)"),
    P1D("1 day", "date_trunc('day', %s, $4)"),
    P7D("7 days", "date_trunc('week', %s, $4)");

    /** The step as a PostgreSQL interval; days and weeks are added in the zone ($4), so across DST too. */
    final String step;
    /** The start of the interval holding a moment: the same values generate_series gives from an aligned start. */
    private final String bucket;

    ReportInterval(String step, String bucket) {
        this.step = step;
        this.bucket = bucket;
    }

    public static ReportInterval parse(String value) {
        return Arrays.stream(values()).filter(interval -> interval.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new BadRequestException("interval must be one of " + Arrays.toString(values())));
    }

    String bucketOf(String column) {
        return bucket.formatted(column);
    }

    /** The start of the interval that holds {@code at}. */
    Instant floor(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime start = switch (this) {
            case PT15M -> local.truncatedTo(ChronoUnit.HOURS).plusMinutes(local.getMinute() / 15 * 15L);
            case PT1H -> local.truncatedTo(ChronoUnit.HOURS);
            case P1D -> local.toLocalDate().atStartOfDay(zone);
            case P7D -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
        };
        return start.toInstant();
    }

    /** The end of the interval that holds the moment just before {@code at}: a period's exclusive end, aligned. */
    Instant ceiling(Instant at, ZoneId zone) {
        Instant start = floor(at, zone);
        return start.equals(at) ? at : next(start, zone);
    }

    Instant next(Instant start, ZoneId zone) {
        ZonedDateTime local = start.atZone(zone);
        return switch (this) {
            case PT15M -> start.plus(15, ChronoUnit.MINUTES);
            case PT1H -> start.plus(1, ChronoUnit.HOURS);
            case P1D -> local.plusDays(1).toInstant();
            case P7D -> local.plusWeeks(1).toInstant();
        };
    }
}
