package io.switchboard.work.privacy;

import io.smallrye.mutiny.Uni;
import io.switchboard.work.report.ComplaintTopics;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Erases a customer on request (docs/security.md, "Personal data"): the key asked for and every key linked to it,
 * in one statement. Their items keep the facts reports count (channel, office, intent, times, scores, values) under
 * a new random key shared by all of them — repeat contacts among them still undo FCR, so reports do not change —
 * and lose everything else of the customer: name, phone, e-mail, handle, postal code, notes, the routing
 * explanation (it may quote them), escalation reasons, the text, attachments and metadata of their messages and of
 * the replies to them, survey comments, profile and links. A complaint's topic is fixed first, from its text, for the
 * complaint report. Messages to them not yet handed to Kafka are not sent; lifecycle steps still are. Their routing
 * corrections, kept on a compacted topic with their text, are withdrawn ({@link WithdrawnCorrections}).
 */
@ApplicationScoped
public class CustomerErasure {

    /** What an erased customer's items are keyed by instead: this and a random UUID, one per erasure. */
    public static final String ERASED_KEY_PREFIX = "erased:";

    /** The key asked for ($1), every key linked to it however indirectly, and their items. */
    private static final String CUSTOMER = """
            WITH RECURSIVE linked(key) AS (
                SELECT $1::text
                UNION SELECT l.linked_key FROM customer_link l JOIN linked ON l.customer_key = linked.key),
            keys AS (SELECT array_agg(key) AS keys FROM linked),
            item AS (SELECT w.id, w.contact_id FROM work_item w, keys WHERE w.customer_key = ANY (keys.keys))""";

    private static final String CONTACTS = CUSTOMER + "\nSELECT contact_id FROM item";

    /** $1 key, $2 the items' new key, $3 supervisor, $4/$5 complaint topics and patterns, $6 now. */
    private static final String ERASE = CUSTOMER + """
            ,
            topics AS (INSERT INTO complaint_topic (work_item_id, topic)
                       SELECT w.id, complaint_topic(m.text, w.targeting, w.required_skills, $4, $5)
                         FROM work_item w JOIN item USING (id)
                              LEFT JOIN contact_message m ON m.contact_id = w.contact_id
                        WHERE coalesce(w.routed_intent, w.intent) = 'COMPLAINT'
                       ON CONFLICT (work_item_id) DO NOTHING RETURNING 1),
            items AS (UPDATE work_item w
                         SET customer_key = $2, customer_name = NULL, customer_phone = NULL, customer_email = NULL,
                             customer_handle = NULL, postal_code = NULL, notes = NULL, explanation = '{}',
                             escalations = (SELECT coalesce(jsonb_agg(e - 'reason'), '[]'::jsonb)
                                              FROM jsonb_array_elements(w.escalations) e)
                        FROM item WHERE w.id = item.id RETURNING 1),
            messages AS (UPDATE contact_message m SET text = NULL, attachments = '[]', metadata = '{}'
                           FROM item WHERE m.work_item_id = item.id RETURNING 1),
            replies AS (UPDATE reply r SET text = NULL, attachments = '[]', error = NULL
                          FROM item WHERE r.work_item_id = item.id RETURNING 1),
            surveys AS (UPDATE survey s SET customer_key = NULL, comment = NULL FROM keys
                         WHERE s.customer_key = ANY (keys.keys) OR s.work_item_id IN (SELECT id FROM item) RETURNING 1),
            offers AS (UPDATE offer o SET customer_key = NULL FROM keys
                        WHERE o.customer_key = ANY (keys.keys) OR o.work_item_id IN (SELECT id FROM item) RETURNING 1),
            profiles AS (DELETE FROM customer_profile p USING keys WHERE p.customer_key = ANY (keys.keys) RETURNING 1),
            links AS (DELETE FROM customer_link l USING keys
                       WHERE l.customer_key = ANY (keys.keys) OR l.linked_key = ANY (keys.keys) RETURNING 1),
            unsent AS (DELETE FROM outbox_event o USING item
                        WHERE o.message_key = item.contact_id AND o.topic <> 'contacts.lifecycle' RETURNING 1),
            """ + AuditLog.recorded("CUSTOMER_ERASED", "$3",
            "'customer:' || encode(sha256(convert_to($1, 'UTF8')), 'hex')", """
            jsonb_build_object('keys', (SELECT count(*) FROM linked), 'workItems', (SELECT count(*) FROM items),
                               'messages', (SELECT count(*) FROM messages), 'replies', (SELECT count(*) FROM replies),
                               'surveys', (SELECT count(*) FROM surveys), 'offers', (SELECT count(*) FROM offers),
                               'profiles', (SELECT count(*) FROM profiles), 'links', (SELECT count(*) FROM links),
                               'unsentMessages', (SELECT count(*) FROM unsent),
                               'complaintTopicsKept', (SELECT count(*) FROM topics))""", "$6", "");

    private final Pool pool;
    private final ComplaintTopics topics;
    private final WithdrawnCorrections corrections;
    private final Clock clock;

    public CustomerErasure(Pool pool, ComplaintTopics topics, WithdrawnCorrections corrections, Clock clock) {
        this.pool = pool;
        this.topics = topics;
        this.corrections = corrections;
        this.clock = clock;
    }

    /**
     * Their routing corrections are withdrawn first: if Kafka cannot take the tombstones nothing is erased yet, and
     * the request can be repeated; an erasure that then fails leaves withdrawn corrections only.
     */
    public Uni<AuditEntry> erase(String customerKey, String supervisor) {
        return pool.preparedQuery(CONTACTS).execute(Tuple.of(customerKey))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getString(0)).toList())
                .chain(corrections::withdraw)
                .chain(() -> pool.preparedQuery(ERASE).execute(Tuple.tuple().addString(customerKey)
                        .addString(ERASED_KEY_PREFIX + UUID.randomUUID()).addString(supervisor)
                        .addArrayOfString(topics.topics()).addArrayOfString(topics.patterns())
                        .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC))))
                .map(rows -> AuditLog.entry(rows.iterator().next()));
    }
}
