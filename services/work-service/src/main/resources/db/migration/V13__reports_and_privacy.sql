-- Reports from PostgreSQL and the data's lifecycle (issue 18).
--
-- The work item keeps only its latest state: a second accept (after a release or escalation) overwrites
-- accepted_at, and neither an abandon's time nor the escalations' offices by time are columns. The ops-service
-- measures from the lifecycle steps themselves (docs/metrics.md), so reports keep those steps too: every step that
-- counts in a measure is copied from the outbox as it is written (one insert per statement, by a statement
-- trigger), with what the measures need and nothing of the customer. Steps before this migration are not there.
-- The cost on the hot path (PostgreSQL 15, 2 cores): +0.04 ms on a single-row outbox insert, +7 µs per row of a
-- 500-row intake batch, most of it the contact index. Event ids are unique by construction (lifecycle_event()), so
-- they carry no index of their own.
CREATE TABLE contact_step (
    event_id                 varchar(100) NOT NULL,
    contact_id               varchar(100) NOT NULL,
    type                     varchar(30)  NOT NULL,
    channel                  varchar(20)  NOT NULL,
    office                   varchar(20),
    intent                   varchar(40),
    agent_id                 varchar(100),
    queued_at                timestamptz,
    occurred_at              timestamptz  NOT NULL,
    -- An escalation counts in the office it left.
    from_office              varchar(20),
    first_contact_resolution boolean
);
CREATE INDEX contact_step_occurred ON contact_step (occurred_at);
CREATE INDEX contact_step_contact ON contact_step (contact_id, occurred_at);

CREATE FUNCTION keep_contact_steps() RETURNS trigger AS $$
BEGIN
    INSERT INTO contact_step (event_id, contact_id, type, channel, office, intent, agent_id, queued_at, occurred_at,
                              from_office, first_contact_resolution)
    SELECT payload ->> 'eventId', payload ->> 'contactId', payload ->> 'type', payload ->> 'channel',
           payload ->> 'office', payload ->> 'intent', payload ->> 'agentId',
           (payload ->> 'queuedAt')::timestamptz, (payload ->> 'occurredAt')::timestamptz,
           payload -> 'details' ->> 'fromOffice', (payload -> 'details' ->> 'firstContactResolution')::boolean
      FROM added
     WHERE topic = 'contacts.lifecycle'
       AND payload ->> 'type' IN ('QUEUED', 'REQUEUED', 'ASSIGNED', 'RELEASED', 'ACCEPTED', 'COMPLETED',
                                  'ESCALATED', 'ABANDONED');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_event_contact_steps AFTER INSERT ON outbox_event
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION keep_contact_steps();

-- The topic of a complaint as the ops-service's ComplaintSurge names it: the first topic (in the order given) whose
-- pattern matches the text, else the first skill the routing engine required (its targeting's first step, or the
-- item's skills when it had no targeting), else 'other'.
CREATE FUNCTION complaint_topic(body text, targeting jsonb, skills text[], topics text[], patterns text[])
    RETURNS text AS $$
    SELECT coalesce((SELECT t.topic FROM unnest(topics, patterns) WITH ORDINALITY AS t(topic, pattern, n)
                      WHERE body ~* t.pattern ORDER BY t.n LIMIT 1),
                    CASE WHEN jsonb_array_length(targeting) > 0 THEN targeting -> 0 -> 'requiredSkills' ->> 0
                         ELSE skills[1] END,
                    'other')
$$ LANGUAGE sql IMMUTABLE;

-- A complaint's topic, fixed when its text is erased or expires, so the complaint report stays as it was.
CREATE TABLE complaint_topic (
    work_item_id uuid        PRIMARY KEY REFERENCES work_item (id) ON DELETE CASCADE,
    topic        varchar(100) NOT NULL
);

-- Repeat contacts for FCR: a customer's items by arrival. Retention: text still held, by age.
CREATE INDEX work_item_customer_queued ON work_item (customer_key, queued_at);
CREATE INDEX work_item_complaints ON work_item (queued_at) WHERE coalesce(routed_intent, intent) = 'COMPLAINT';
CREATE INDEX contact_message_text_age ON contact_message (received_at)
    WHERE text IS NOT NULL OR attachments <> '[]'::jsonb OR metadata <> '{}'::jsonb;
CREATE INDEX reply_text_age ON reply (requested_at) WHERE text IS NOT NULL OR attachments <> '[]'::jsonb;
CREATE INDEX survey_answered ON survey (answered_at) WHERE answered_at IS NOT NULL;
CREATE INDEX offer_shown ON offer (shown_at);
CREATE INDEX audit_event_action ON audit_event (action, occurred_at);
