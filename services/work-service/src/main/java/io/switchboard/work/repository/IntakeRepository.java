package io.switchboard.work.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Json;
import io.switchboard.work.service.ClosedHours;
import io.switchboard.work.service.IntakePlan;
import io.switchboard.work.service.IntakePlan.ConversationKey;
import io.switchboard.work.service.IntakePlan.EarlyAbandon;
import io.switchboard.work.service.SurveyQuestions;
import io.switchboard.work.service.SurveySettings;
import io.switchboard.work.service.TypedAnswer;
import io.switchboard.work.service.WorkSettings;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.switchboard.work.repository.WorkItemRows.at;
import static io.switchboard.work.repository.WorkItemRows.event;

/**
 * Stores a whole batch of routed contacts in one transaction with a fixed number of statements, whatever its size:
 * three set-based look-ups (recorded contacts, open conversations, abandons that came first), then one multi-row
 * insert of the new items and one of the messages, each writing its lifecycle events in the same statement. Open
 * WhatsApp surveys are looked up only for texts that could answer one (a number 0–10 first, checked here), and
 * each answer is recorded in the same transaction.
 */
@ApplicationScoped
public class IntakeRepository {

    /**
     * Serialises the intake of a contact with its abandon ({@link AbandonRepository}): whichever commits second sees
     * the other's rows. Ids are locked in sorted order, so two batches cannot deadlock.
     */
    static final int CONTACT_LOCK = 0x5357;
    private static final String LOCK_CONTACTS = """
            SELECT count(*) FROM (SELECT pg_advisory_xact_lock(%d, hashtext(id)) FROM unnest($1::text[]) AS id) AS locked"""
            .formatted(CONTACT_LOCK);

    private static final String RECORDED = "SELECT contact_id FROM contact_message WHERE contact_id = ANY ($1)";

    /** Locked, so an agent's completion and a follow-up joining the item cannot cross. */
    private static final String OPEN_ITEMS = """
            SELECT id, customer_key, channel FROM work_item
             WHERE state IN ('QUEUED', 'RESERVED', 'ACCEPTED')
               AND (customer_key, channel) IN (SELECT * FROM unnest($1::text[], $2::text[]))
             ORDER BY queued_at, id
               FOR UPDATE""";

    private static final String EARLY_ABANDONS = """
            DELETE FROM abandoned_contact WHERE contact_id = ANY ($1) RETURNING contact_id, occurred_at, details::text""";

    private static final String INSERT_ITEMS = """
            WITH r AS (SELECT * FROM jsonb_to_recordset($1::text::jsonb) AS r(id uuid, contact_id text, channel text,
                           customer_key text, customer_name text, customer_phone text, customer_email text,
                           customer_handle text, language text, rst text, intent text, office text, priority int,
                           required_skills text[], sla_seconds int, explanation text[], postal_code text, state text,
                           queued_at timestamptz, event_type text, event_at timestamptz, event_details jsonb,
                           targeting jsonb, due_at timestamptz, next_step_at timestamptz, next_skills text[],
                           sweep_at timestamptz, model_version text)),
            w AS (INSERT INTO work_item (id, contact_id, channel, customer_key, customer_name, customer_phone,
                         customer_email, customer_handle, language, rst, intent, office, priority, required_skills,
                         sla_seconds, explanation, postal_code, state, queued_at, targeting, due_at, next_step_at,
                         next_skills, sweep_at, model_version)
                  SELECT id, contact_id, channel, customer_key, customer_name, customer_phone, customer_email,
                         customer_handle, language, rst, intent, office, priority, required_skills, sla_seconds,
                         explanation, postal_code, state, queued_at, targeting, due_at, next_step_at, next_skills,
                         sweep_at, model_version
                    FROM r
                  RETURNING *),
            started AS (SELECT w.*, r.event_type, r.event_at, r.event_details FROM w JOIN r USING (id)),
            """ + event("started", "c.event_type", "NULL", "c.event_at", "c.event_details") + """

            SELECT count(*) FROM w""";

    /** Follow-ups (a message that is not its item's opening contact) are announced as MESSAGE_JOINED. */
    private static final String INSERT_MESSAGES = """
            WITH m AS (INSERT INTO contact_message (contact_id, work_item_id, provider, text, received_at, attachments,
                                                    provider_message_id, public_post, metadata)
                       SELECT * FROM jsonb_to_recordset($1::text::jsonb) AS r(contact_id text, work_item_id uuid,
                              provider text, text text, received_at timestamptz, attachments jsonb,
                              provider_message_id text, public_post boolean, metadata jsonb)
                       RETURNING contact_id, work_item_id),
            joined AS (SELECT w.*, m.contact_id AS message_contact_id
                         FROM m JOIN work_item w ON w.id = m.work_item_id WHERE w.contact_id <> m.contact_id),
            """ + event("joined", "'MESSAGE_JOINED'", "c.agent_id", "$2",
            "jsonb_build_object('messageContactId', c.message_contact_id)") + """

            SELECT count(*) FROM m""";

    /**
     * The automatic answers to contacts of this batch that arrived while their channel was closed ($1, one row per
     * office the channel was closed for): the one of the item's office, for a waiting item, once per item and closed
     * period (its idempotency key names the next opening, so a follow-up in the same period finds it taken).
     */
    private static final String CLOSED_REPLIES = """
            WITH answer AS (SELECT * FROM jsonb_to_recordset($1::text::jsonb) AS a(contact_id text, office text,
                                   opens_at timestamptz, text text)),
            r AS (INSERT INTO reply (id, work_item_id, kind, agent_id, idempotency_key, text, state, requested_at,
                                     updated_at)
                  SELECT DISTINCT ON (w.id) gen_random_uuid(), w.id, 'REPLY', $3, 'closed:' || iso_instant(a.opens_at),
                         a.text, 'PENDING', $2, $2
                    FROM answer a JOIN contact_message m ON m.contact_id = a.contact_id
                         JOIN work_item w ON w.id = m.work_item_id AND w.office = a.office
                   WHERE w.state = 'QUEUED'
                   ORDER BY w.id, m.received_at
                  ON CONFLICT (work_item_id, idempotency_key) DO NOTHING
                  RETURNING *),
            """ + ReplyRows.outbound("answer_outbound", "r") + ",\n" + ReplyRows.event("answer_event", "r", "$2") + """

            SELECT count(*) FROM r""";

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final Pool pool;
    private final WorkSettings settings;
    private final ClosedHours closedHours;
    private final SurveyRepository surveys;
    private final SurveyQuestions questions;
    private final SurveySettings surveySettings;

    public IntakeRepository(Pool pool, WorkSettings settings, ClosedHours closedHours, SurveyRepository surveys,
            SurveyQuestions questions, SurveySettings surveySettings) {
        this.pool = pool;
        this.settings = settings;
        this.closedHours = closedHours;
        this.surveys = surveys;
        this.questions = questions;
        this.surveySettings = surveySettings;
    }

    public Uni<List<IntakePlan.Outcome>> store(List<ContactRouted> batch, Instant now) {
        String[] contactIds = batch.stream().map(ContactRouted::contactId).distinct().sorted().toArray(String[]::new);
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK_CONTACTS).execute(Tuple.of(contactIds))
                .chain(() -> found(connection, batch, contactIds, now))
                .chain(found -> {
                    IntakePlan plan = IntakePlan.of(batch, found, now, settings.relaxSkillsAfter());
                    Uni<?> items = plan.items().isEmpty() ? Uni.createFrom().voidItem()
                            : connection.preparedQuery(INSERT_ITEMS).execute(Tuple.of(json(plan.items())));
                    return items.chain(() -> plan.messages().isEmpty() ? Uni.createFrom().voidItem()
                                    : connection.preparedQuery(INSERT_MESSAGES)
                                            .execute(Tuple.of(json(plan.messages()), at(now))))
                            .chain(() -> answerClosed(connection, batch, plan, now))
                            .chain(() -> recordAnswers(connection, plan.answers(), now))
                            .replaceWith(plan.outcomes());
                }));
    }

    /** The stored messages that arrived while their channel was closed are answered, in the same transaction. */
    private Uni<?> answerClosed(SqlConnection connection, List<ContactRouted> batch, IntakePlan plan, Instant now) {
        Set<String> stored = new HashSet<>();
        plan.messages().forEach(message -> stored.add(message.contactId()));
        List<ClosedHours.Answer> answers = closedHours.answers(
                batch.stream().filter(routed -> stored.contains(routed.contactId())).toList(), now);
        return answers.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery(CLOSED_REPLIES)
                .execute(Tuple.of(json(answers), at(now), ClosedHours.AUTHOR));
    }

    /** One statement per answer: answers are few, and rarely more than one in a batch. */
    private Uni<?> recordAnswers(SqlConnection connection, List<IntakePlan.SurveyAnswer> answers, Instant now) {
        Uni<?> chain = Uni.createFrom().voidItem();
        for (IntakePlan.SurveyAnswer answer : answers) {
            chain = chain.chain(() -> surveys.answer(connection, new SurveyRepository.Answer(answer.surveyId(),
                    answer.answer().score(), answer.answer().comment(), answer.answeredAt(), answer.contactId()),
                    questions.followUp(), now));
        }
        return chain;
    }

    /** The open WhatsApp surveys of the customers whose text could answer one. */
    private Uni<Map<String, IntakePlan.OpenSurvey>> openSurveys(SqlConnection connection, List<ContactRouted> batch,
            Instant now) {
        List<ContactRouted> typed = batch.stream().filter(routed -> routed.channel() == Channel.WHATSAPP
                && TypedAnswer.of(routed.contact().text()) != null).toList();
        return typed.isEmpty() ? Uni.createFrom().item(Map.of()) : surveys.openOnWhatsApp(connection,
                typed.stream().map(routed -> routed.contact().customer().key()).distinct().toList(),
                now.minus(surveySettings.answerWindow()), typed.stream().map(ContactRouted::contactId).toList());
    }

    private Uni<IntakePlan.Found> found(SqlConnection connection, List<ContactRouted> batch, String[] contactIds,
            Instant now) {
        String[] customers = batch.stream().map(routed -> routed.contact().customer().key()).toArray(String[]::new);
        String[] channels = batch.stream().map(routed -> routed.channel().name()).toArray(String[]::new);
        Set<String> recorded = new HashSet<>();
        Map<ConversationKey, UUID> open = new HashMap<>();
        Map<String, EarlyAbandon> abandoned = new HashMap<>();
        return connection.preparedQuery(RECORDED).execute(Tuple.of(contactIds))
                .invoke(rows -> rows.forEach(row -> recorded.add(row.getString(0))))
                .chain(() -> connection.preparedQuery(OPEN_ITEMS).execute(Tuple.of(customers, channels)))
                .invoke(rows -> rows.forEach(row -> open.putIfAbsent(new ConversationKey(row.getString("customer_key"),
                        Channel.valueOf(row.getString("channel"))), row.getUUID("id"))))
                .chain(() -> connection.preparedQuery(EARLY_ABANDONS).execute(Tuple.of(contactIds)))
                .invoke(rows -> rows.forEach(row -> abandoned.put(row.getString("contact_id"), earlyAbandon(row))))
                .chain(() -> openSurveys(connection, batch, now))
                .map(surveysOpen -> new IntakePlan.Found(recorded, open, abandoned, surveysOpen));
    }

    private static EarlyAbandon earlyAbandon(Row row) {
        try {
            return new EarlyAbandon(WorkItemRows.instant(row, "occurred_at"),
                    Json.mapper().readValue(row.getString("details"), DETAILS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable abandon details: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(List<?> values) {
        try {
            return Json.mapper().writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as rows: " + e.getOriginalMessage(), e);
        }
    }
}
