package io.switchboard.work.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Reports as one SQL statement each: the intervals from generate_series, every fact placed in its interval and
 * summed there. The contact measures follow the ops-service's ChannelBoard step by step (docs/metrics.md), from the
 * lifecycle steps kept in contact_step (V13): a contact is offered when it first reaches a queue (at its queuedAt,
 * in that office), answered at its first accept, handled from its last accept to its completion; an escalation
 * counts in the office it left; an abandon's wait runs from the queueing, or from the escalation or release that
 * put an answered customer back in a queue. Surveys and offers come from their own tables.
 */
@ApplicationScoped
public class ReportRepository {

    /**
     * $1 from, $2 to (aligned), $3 step, $4 zone, $5 channel, $6 office; the measures' settings: $7/$8 the channels'
     * service-level targets, $9 the short abandon, $10 the repeat-contact window (seconds), $11 revenue's currency.
     */
    private static final String REPORT = """
            WITH target AS (SELECT * FROM unnest($7::text[], $8::float8[]) AS t(channel, seconds)),
            touched AS (SELECT DISTINCT contact_id FROM contact_step
                         WHERE occurred_at >= $1 AND occurred_at < $2 AND ($5::text IS NULL OR channel = $5)),
            step AS (SELECT s.* FROM contact_step s JOIN touched USING (contact_id)),
            contact AS (
                SELECT contact_id, min(channel) AS channel,
                       (array_agg(coalesce(queued_at, occurred_at) ORDER BY occurred_at, event_id)
                            FILTER (WHERE type NOT IN ('COMPLETED', 'ESCALATED')))[1] AS offered_at,
                       (array_agg(office ORDER BY occurred_at, event_id)
                            FILTER (WHERE type NOT IN ('COMPLETED', 'ESCALATED')))[1] AS offered_office,
                       min(occurred_at) FILTER (WHERE type = 'ACCEPTED') AS answered_at,
                       (array_agg(office ORDER BY occurred_at, event_id) FILTER (WHERE type = 'ACCEPTED'))[1]
                            AS answered_office,
                       max(occurred_at) FILTER (WHERE type = 'ACCEPTED') AS last_accepted_at,
                       min(occurred_at) FILTER (WHERE type = 'COMPLETED') AS completed_at,
                       (array_agg(office ORDER BY occurred_at, event_id) FILTER (WHERE type = 'COMPLETED'))[1]
                            AS completed_office,
                       min(occurred_at) FILTER (WHERE type = 'ABANDONED') AS abandoned_at,
                       (array_agg(office ORDER BY occurred_at, event_id) FILTER (WHERE type = 'ABANDONED'))[1]
                            AS abandoned_office,
                       bool_or(type = 'ESCALATED') AS escalated
                  FROM step GROUP BY contact_id),
            measured AS (
                SELECT c.*, t.seconds AS target,
                       extract(epoch FROM c.answered_at - c.offered_at) AS wait,
                       extract(epoch FROM c.abandoned_at - greatest(c.offered_at,
                           (SELECT max(s.occurred_at) FROM step s
                             WHERE s.contact_id = c.contact_id AND s.occurred_at <= c.abandoned_at
                               AND (s.type = 'ESCALATED' OR (s.type = 'RELEASED' AND s.occurred_at > c.answered_at)))))
                           AS abandon_wait,
                       c.answered_at < c.abandoned_at AS answered_before_abandon,
                       c.completed_at IS NOT NULL AND NOT c.escalated AND NOT EXISTS (
                           SELECT 1 FROM work_item w
                             JOIN work_item o ON o.customer_key = w.customer_key
                                             AND coalesce(o.routed_intent, o.intent)
                                                 = coalesce(w.routed_intent, w.intent)
                             JOIN contact_message m ON m.work_item_id = o.id
                            WHERE w.contact_id = c.contact_id AND m.contact_id <> w.contact_id
                              AND m.received_at > c.completed_at
                              AND m.received_at <= c.completed_at + make_interval(secs => $10)) AS resolved
                  FROM contact c JOIN target t ON t.channel = c.channel),
            fact AS (
                SELECT f.* FROM measured c, LATERAL (VALUES
                    (c.offered_at, c.channel, c.offered_office, 'offered', 1.0),
                    (c.answered_at, c.channel, c.answered_office, 'answered', 1.0),
                    (c.answered_at, c.channel, c.answered_office, 'answered_in_target',
                        CASE WHEN c.wait <= c.target THEN 1 ELSE 0 END),
                    (c.answered_at, c.channel, c.answered_office, 'wait', greatest(c.wait, 0)),
                    (c.abandoned_at, c.channel, c.abandoned_office, 'abandoned', 1.0),
                    (c.abandoned_at, c.channel, c.abandoned_office, 'short_abandon',
                        CASE WHEN c.abandon_wait < $9 THEN 1 ELSE 0 END),
                    (c.abandoned_at, c.channel, c.abandoned_office, 'abandoned_after_target',
                        CASE WHEN coalesce(c.answered_before_abandon, false) OR c.abandon_wait < $9
                                  OR c.abandon_wait <= c.target THEN 0 ELSE 1 END),
                    (c.completed_at, c.channel, c.completed_office, 'completed', 1.0),
                    (c.completed_at, c.channel, c.completed_office, 'handling',
                        greatest(extract(epoch FROM c.completed_at - c.last_accepted_at), 0)),
                    (c.completed_at, c.channel, c.completed_office, 'resolved', CASE WHEN c.resolved THEN 1 ELSE 0 END)
                ) AS f(moment, channel, office, measure, value) WHERE f.moment IS NOT NULL
                UNION ALL
                SELECT occurred_at, channel, coalesce(from_office, office), 'escalated', 1
                  FROM step WHERE type = 'ESCALATED'
                UNION ALL
                SELECT sent_at, channel, office, 'survey_sent', 1 FROM survey WHERE sent_at >= $1 AND sent_at < $2
                UNION ALL
                SELECT s.answered_at, s.channel, s.office, a.measure, a.value
                  FROM survey s, LATERAL (VALUES ('survey_answered', 1),
                                                 ('promoter', CASE WHEN s.score >= 9 THEN 1 ELSE 0 END),
                                                 ('detractor', CASE WHEN s.score <= 6 THEN 1 ELSE 0 END),
                                                 ('satisfied', CASE WHEN s.score >= 8 THEN 1 ELSE 0 END))
                       AS a(measure, value)
                 WHERE s.answered_at >= $1 AND s.answered_at < $2 AND s.score IS NOT NULL
                UNION ALL
                SELECT shown_at, channel, office, 'offer_shown', 1 FROM offer WHERE shown_at >= $1 AND shown_at < $2
                UNION ALL
                SELECT o.accepted_at, o.channel, o.office, a.measure, a.value
                  FROM offer o, LATERAL (VALUES ('offer_accepted', 1),
                                                ('revenue', CASE WHEN coalesce(o.currency, $11::text) = $11::text
                                                                 THEN coalesce(o.value, 0) ELSE 0 END))
                       AS a(measure, value)
                 WHERE o.accepted_at >= $1 AND o.accepted_at < $2),
            placed AS (
                SELECT %s AS starts, channel, office, measure, value FROM fact
                 WHERE moment >= $1 AND moment < $2
                   AND ($5::text IS NULL OR channel = $5) AND ($6::text IS NULL OR office = $6)),
            summed AS (
                SELECT starts, channel, office,
                       count(*) FILTER (WHERE measure = 'offered') AS offered,
                       count(*) FILTER (WHERE measure = 'answered') AS answered,
                       sum(value) FILTER (WHERE measure = 'answered_in_target') AS answered_in_target,
                       sum(value) FILTER (WHERE measure = 'wait') AS wait,
                       count(*) FILTER (WHERE measure = 'abandoned') AS abandoned,
                       sum(value) FILTER (WHERE measure = 'short_abandon') AS short_abandons,
                       sum(value) FILTER (WHERE measure = 'abandoned_after_target') AS abandoned_after_target,
                       count(*) FILTER (WHERE measure = 'completed') AS completed,
                       sum(value) FILTER (WHERE measure = 'handling') AS handling,
                       sum(value) FILTER (WHERE measure = 'resolved') AS resolved,
                       count(*) FILTER (WHERE measure = 'escalated') AS escalated,
                       count(*) FILTER (WHERE measure = 'survey_sent') AS surveys_sent,
                       count(*) FILTER (WHERE measure = 'survey_answered') AS surveys_answered,
                       sum(value) FILTER (WHERE measure = 'promoter') AS promoters,
                       sum(value) FILTER (WHERE measure = 'detractor') AS detractors,
                       sum(value) FILTER (WHERE measure = 'satisfied') AS satisfied,
                       count(*) FILTER (WHERE measure = 'offer_shown') AS offers_shown,
                       count(*) FILTER (WHERE measure = 'offer_accepted') AS offers_accepted,
                       sum(value) FILTER (WHERE measure = 'revenue') AS revenue
                  FROM placed GROUP BY starts, channel, office),
            scope AS (SELECT DISTINCT channel, office FROM summed),
            bucket AS (SELECT starts FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 microsecond',
                                                          $3::text::interval, $4) AS starts)
            SELECT b.starts, date_add(b.starts, $3::text::interval, $4) AS ends, p.channel, p.office,
                   coalesce(s.offered, 0) AS offered, coalesce(s.answered, 0) AS answered,
                   coalesce(s.abandoned, 0) AS abandoned, coalesce(s.short_abandons, 0)::bigint AS short_abandons,
                   s.answered_in_target / nullif(s.answered + s.abandoned_after_target, 0) AS service_level,
                   s.wait / nullif(s.answered, 0) AS average_wait,
                   coalesce(s.completed, 0) AS completed,
                   s.handling / nullif(s.completed, 0) AS average_handling,
                   s.resolved / nullif(s.completed, 0) AS first_contact_resolution,
                   coalesce(s.escalated, 0) AS escalated,
                   coalesce(s.surveys_sent, 0) AS surveys_sent, coalesce(s.surveys_answered, 0) AS surveys_answered,
                   100.0 * (s.promoters - s.detractors) / nullif(s.surveys_answered, 0) AS nps,
                   s.satisfied / nullif(s.surveys_answered, 0) AS csat,
                   coalesce(s.offers_shown, 0) AS offers_shown, coalesce(s.offers_accepted, 0) AS offers_accepted,
                   coalesce(s.revenue, 0)::numeric(14, 2) AS revenue, $11::text AS currency
              FROM bucket b CROSS JOIN scope p
              LEFT JOIN summed s ON s.starts = b.starts AND s.channel = p.channel AND s.office = p.office
             ORDER BY b.starts, p.channel, p.office""";

    /** Complaints (intent COMPLAINT as routed) per interval and topic, by when they arrived. */
    private static final String COMPLAINTS = """
            WITH placed AS (
                SELECT %s AS starts,
                       coalesce(k.topic, complaint_topic(m.text, w.targeting, w.required_skills, $7, $8)) AS topic
                  FROM work_item w
                  LEFT JOIN contact_message m ON m.contact_id = w.contact_id
                  LEFT JOIN complaint_topic k ON k.work_item_id = w.id
                 WHERE coalesce(w.routed_intent, w.intent) = 'COMPLAINT' AND w.queued_at >= $1 AND w.queued_at < $2
                   AND ($5::text IS NULL OR w.channel = $5) AND ($6::text IS NULL OR w.office = $6))
            SELECT b.starts, date_add(b.starts, $3::text::interval, $4) AS ends, p.topic, count(*) AS complaints
              FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 microsecond', $3::text::interval,
                                   $4) b(starts)
              JOIN placed p ON p.starts = b.starts
             GROUP BY b.starts, p.topic ORDER BY b.starts, p.topic""";

    private final Pool pool;
    private final ReportSettings settings;
    private final ComplaintTopics topics;
    private final Map<ReportInterval, String> reports = new EnumMap<>(ReportInterval.class);
    private final Map<ReportInterval, String> complaints = new EnumMap<>(ReportInterval.class);

    public ReportRepository(Pool pool, ReportSettings settings, ComplaintTopics topics) {
        this.pool = pool;
        this.settings = settings;
        this.topics = topics;
        for (ReportInterval interval : ReportInterval.values()) {
            reports.put(interval, REPORT.formatted(interval.bucketOf("moment")));
            complaints.put(interval, COMPLAINTS.formatted(interval.bucketOf("w.queued_at")));
        }
    }

    public Uni<List<ReportRow>> report(ReportQuery query) {
        Channel[] channels = Channel.values();
        Tuple arguments = period(query)
                .addArrayOfString(Arrays.stream(channels).map(Channel::name).toArray(String[]::new))
                .addArrayOfDouble(Arrays.stream(channels)
                        .map(channel -> settings.serviceLevelTarget().of(channel).toMillis() / 1000.0)
                        .toArray(Double[]::new))
                .addDouble(settings.shortAbandon().toMillis() / 1000.0)
                .addDouble((double) settings.repeatContactWindow().toSeconds())
                .addString(settings.currency());
        return pool.preparedQuery(reports.get(query.interval())).execute(arguments)
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ReportRepository::row).toList());
    }

    public Uni<List<ComplaintCount>> complaints(ReportQuery query) {
        Tuple arguments = period(query).addArrayOfString(topics.topics()).addArrayOfString(topics.patterns());
        return pool.preparedQuery(complaints.get(query.interval())).execute(arguments)
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new ComplaintCount(instant(row, "starts"), instant(row, "ends"),
                                row.getString("topic"), row.getLong("complaints")))
                        .toList());
    }

    private static Tuple period(ReportQuery query) {
        return Tuple.tuple()
                .addOffsetDateTime(query.from().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(query.to().atOffset(ZoneOffset.UTC))
                .addString(query.interval().step)
                .addString(query.zone().getId())
                .addString(query.channel() == null ? null : query.channel().name())
                .addString(query.office() == null ? null : query.office().name());
    }

    private static ReportRow row(Row row) {
        return new ReportRow(instant(row, "starts"), instant(row, "ends"),
                Channel.valueOf(row.getString("channel")), Office.valueOf(row.getString("office")),
                row.getLong("offered"), row.getLong("answered"), row.getLong("abandoned"),
                row.getLong("short_abandons"), number(row, "service_level"), number(row, "average_wait"),
                row.getLong("completed"), number(row, "average_handling"), number(row, "first_contact_resolution"),
                row.getLong("escalated"), row.getLong("surveys_sent"), row.getLong("surveys_answered"),
                number(row, "nps"), number(row, "csat"), row.getLong("offers_shown"), row.getLong("offers_accepted"),
                row.getBigDecimal("revenue"), row.getString("currency"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static Double number(Row row, String column) {
        Object value = row.getValue(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** Complaints of one topic that arrived in one interval. */
    public record ComplaintCount(Instant from, Instant to, String topic, long complaints) {
    }
}
