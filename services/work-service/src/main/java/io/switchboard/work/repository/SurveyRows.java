package io.switchboard.work.repository;

/**
 * The SQL fragments the statements that put surveys share (the scheduler's for messaging channels, the phone's
 * CONNECT): the survey row, the {@code SurveyQuestion} in the customer's language, and {@code SURVEY_SENT}. The
 * texts are a jsonb expression: per language, {@code question}, {@code commentPrompt} and {@code thanks}
 * ({@link io.switchboard.work.service.SurveyQuestions}).
 */
final class SurveyRows {

    private SurveyRows() {
    }

    /**
     * A survey insert, as a CTE named {@code name}, for every item of {@code items} (work_item columns), in the
     * item's language when there are texts in it, else in English; an item surveyed before gets none.
     */
    static String insert(String name, String items, String texts, String at) {
        return """
                %1$s AS (INSERT INTO survey (id, work_item_id, contact_id, customer_key, channel, office, intent,
                                             agent_id, language, sent_at)
                         SELECT gen_random_uuid(), d.id, d.contact_id, d.customer_key, d.channel, d.office, d.intent,
                                d.agent_id, CASE WHEN (%3$s) -> d.language IS NOT NULL THEN d.language ELSE 'en' END,
                                %4$s
                           FROM %2$s d
                         ON CONFLICT (work_item_id) WHERE work_item_id IS NOT NULL DO NOTHING
                         RETURNING *)""".formatted(name, items, texts, at);
    }

    /** The customer was not surveyed since {@code since}: the rate limit, for item {@code item}. */
    static String notSurveyedSince(String item, String since) {
        return "NOT EXISTS (SELECT 1 FROM survey p WHERE p.customer_key = %s.customer_key AND p.sent_at > %s)"
                .formatted(item, since);
    }

    /**
     * {@code {"survey": SurveyQuestion}} for the survey of {@code surveys} that {@code match} picks (a condition on
     * {@code s}), or an empty object when there is none: to join to an OutboundMessage.
     */
    static String question(String surveys, String texts, String match) {
        return """
                coalesce((SELECT jsonb_build_object('survey', jsonb_build_object('surveyId', s.id::text,
                                 'question', t.texts ->> 'question', 'commentPrompt', t.texts ->> 'commentPrompt',
                                 'thanks', t.texts ->> 'thanks', 'language', s.language))
                            FROM %s s, LATERAL (SELECT (%s) -> s.language AS texts) t WHERE %s), '{}'::jsonb)"""
                .formatted(surveys, texts, match);
    }

    /** {@code SURVEY_SENT}, as a CTE named {@code name}, for every survey of {@code surveys}. */
    static String sent(String name, String surveys, String at) {
        return WorkItemRows.event(name, """
                (SELECT i.*, s.id AS survey_id FROM %s s JOIN work_item i ON i.id = s.work_item_id)"""
                .formatted(surveys), "'SURVEY_SENT'", "c.agent_id", at,
                "jsonb_build_object('surveyId', c.survey_id::text)");
    }
}
