package io.switchboard.work.privacy;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.work.report.ComplaintTopics;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Removes message text older than {@code switchboard.privacy.message-retention}: the customers' messages (text,
 * attachments, metadata), the replies to them and survey comments; the facts stay. A complaint's topic is fixed
 * first, from its text, and the routing corrections that carry such text are withdrawn
 * ({@link WithdrawnCorrections}). Every run is audited (MESSAGES_EXPIRED, with the cut-off and counts), also one
 * that found nothing. The scheduled run is taken by one instance: the others find a run of the last hour and skip.
 */
@ApplicationScoped
public class MessageRetention {

    public static final String ACTION = "MESSAGES_EXPIRED";
    static final String SCHEDULED = "retention";
    private static final Logger LOG = Logger.getLogger(MessageRetention.class);

    /** Contacts whose routing correction carries text about to expire (before $1): it is withdrawn first. */
    private static final String CORRECTED = """
            SELECT w.contact_id FROM contact_message m JOIN work_item w ON w.contact_id = m.contact_id
             WHERE m.received_at < $1 AND m.text IS NOT NULL AND w.corrected_at IS NOT NULL""";

    /**
     * $1 cut-off, $2 actor, $3/$4 complaint topics and patterns, $5 now, $6 (scheduled runs) skip when a scheduled run
     * was audited after it. A message's metadata goes too: adapters keep a callback number or a mail's subject there.
     */
    private static final String EXPIRE = """
            WITH due AS (SELECT pg_try_advisory_xact_lock(hashtext('switchboard.retention')) AS locked
                          WHERE $6::timestamptz IS NULL OR NOT EXISTS (
                                SELECT 1 FROM audit_event WHERE action = '%1$s' AND actor = '%2$s'
                                   AND occurred_at > $6)),
            go AS MATERIALIZED (SELECT 1 FROM due WHERE locked),
            topics AS (INSERT INTO complaint_topic (work_item_id, topic)
                       SELECT w.id, complaint_topic(m.text, w.targeting, w.required_skills, $3, $4)
                         FROM go, contact_message m JOIN work_item w ON w.contact_id = m.contact_id
                        WHERE m.received_at < $1 AND m.text IS NOT NULL
                          AND coalesce(w.routed_intent, w.intent) = 'COMPLAINT'
                       ON CONFLICT (work_item_id) DO NOTHING RETURNING 1),
            messages AS (UPDATE contact_message SET text = NULL, attachments = '[]', metadata = '{}'
                          WHERE EXISTS (SELECT 1 FROM go) AND received_at < $1
                            AND (text IS NOT NULL OR attachments <> '[]'::jsonb OR metadata <> '{}'::jsonb)
                         RETURNING 1),
            replies AS (UPDATE reply SET text = NULL, attachments = '[]'
                         WHERE EXISTS (SELECT 1 FROM go) AND requested_at < $1
                           AND (text IS NOT NULL OR attachments <> '[]'::jsonb) RETURNING 1),
            comments AS (UPDATE survey SET comment = NULL
                          WHERE EXISTS (SELECT 1 FROM go) AND sent_at < $1 AND comment IS NOT NULL RETURNING 1),
            """.formatted(ACTION, SCHEDULED)
            + AuditLog.recorded(ACTION, "$2", "'messages before ' || iso_instant($1)", """
            jsonb_build_object('before', iso_instant($1), 'messages', (SELECT count(*) FROM messages),
                               'replies', (SELECT count(*) FROM replies),
                               'surveyComments', (SELECT count(*) FROM comments),
                               'complaintTopicsKept', (SELECT count(*) FROM topics))""", "$5", "FROM go");

    private final Pool pool;
    private final ComplaintTopics topics;
    private final WithdrawnCorrections corrections;
    private final PrivacySettings settings;
    private final Clock clock;

    public MessageRetention(Pool pool, ComplaintTopics topics, WithdrawnCorrections corrections,
            PrivacySettings settings, Clock clock) {
        this.pool = pool;
        this.topics = topics;
        this.corrections = corrections;
        this.settings = settings;
        this.clock = clock;
    }

    /** A supervisor's run, now. */
    public Uni<Optional<AuditEntry>> expire(String supervisor) {
        return run(supervisor, null);
    }

    @Scheduled(cron = "${switchboard.privacy.retention-schedule:0 30 3 * * ?}",
            timeZone = "${switchboard.reports.zone:Europe/Amsterdam}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run(SCHEDULED, clock.instant().minusSeconds(3600))
                .invoke(entry -> entry.ifPresent(run -> LOG.infof("Retention: %s", run.details())))
                .onFailure().invoke(failure -> LOG.warnf("Retention run failed, next at the next schedule: %s",
                        failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Empty when another instance runs it now, or (scheduled) ran it within the hour. */
    private Uni<Optional<AuditEntry>> run(String actor, Instant skipIfScheduledSince) {
        Instant now = clock.instant();
        OffsetDateTime cutOff = now.minus(settings.messageRetention()).atOffset(ZoneOffset.UTC);
        return pool.preparedQuery(CORRECTED).execute(Tuple.of(cutOff))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getString(0)).toList())
                .chain(corrections::withdraw)
                .chain(() -> pool.preparedQuery(EXPIRE).execute(Tuple.tuple()
                        .addOffsetDateTime(cutOff)
                        .addString(actor).addArrayOfString(topics.topics()).addArrayOfString(topics.patterns())
                        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                        .addOffsetDateTime(skipIfScheduledSince == null ? null
                                : skipIfScheduledSince.atOffset(ZoneOffset.UTC))))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(AuditLog.entry(rows.iterator().next())));
    }
}
