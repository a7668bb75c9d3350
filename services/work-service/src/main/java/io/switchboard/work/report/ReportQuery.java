package io.switchboard.work.report;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;

import java.time.Instant;
import java.time.ZoneId;

/** A report asked for: the period, aligned to whole intervals in the zone, and the optional channel and office. */
public record ReportQuery(Instant from, Instant to, ReportInterval interval, ZoneId zone, Channel channel,
        Office office) {

    /** The period widened to whole intervals: a report of 10:05–11:00 by the hour is the report of 10:00–11:00. */
    public static ReportQuery aligned(Instant from, Instant to, ReportInterval interval, ZoneId zone, Channel channel,
            Office office) {
        return new ReportQuery(interval.floor(from, zone), interval.ceiling(to, zone), interval, zone, channel, office);
    }

    /** How many intervals the period holds, counted up to {@code limit}. */
    public long intervals(long limit) {
        long count = 0;
        for (Instant start = from; start.isBefore(to) && count < limit; start = interval.next(start, zone)) {
            count++;
        }
        return count;
    }
}
