-- The queue's hot path runs as SQL statements on the reactive client (services/work-service/README.md). This
-- migration gives it what it needs: JSON columns as jsonb, lifecycle events built in one place, and abandons
-- that arrive before their contact.

ALTER TABLE work_item ALTER COLUMN escalations DROP DEFAULT,
    ALTER COLUMN escalations TYPE jsonb USING escalations::jsonb,
    ALTER COLUMN escalations SET DEFAULT '[]';
ALTER TABLE contact_message ALTER COLUMN attachments DROP DEFAULT,
    ALTER COLUMN attachments TYPE jsonb USING attachments::jsonb,
    ALTER COLUMN attachments SET DEFAULT '[]';
ALTER TABLE outbox_event ALTER COLUMN payload TYPE jsonb USING payload::jsonb;

-- ISO-8601 in UTC with microseconds, as Jackson writes and reads java.time.Instant.
CREATE FUNCTION iso_instant(ts timestamptz) RETURNS text AS $$
    SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$ LANGUAGE sql STABLE STRICT;

-- A LifecycleEvent (contracts/src/main/resources/schemas/lifecycle-event.schema.json) for a step of a work item:
-- every statement that changes an item writes its event with this, in the same statement, into the outbox.
CREATE FUNCTION lifecycle_event(contact_id text, channel text, office text, intent text, queued_at timestamptz,
                                event_type text, agent text, occurred_at timestamptz, details jsonb)
    RETURNS jsonb AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
               'schemaVersion', 1,
               'eventId', gen_random_uuid()::text,
               'type', event_type,
               'contactId', contact_id,
               'channel', channel,
               'office', office,
               'intent', intent,
               'agentId', agent,
               'queuedAt', iso_instant(queued_at),
               'occurredAt', iso_instant(occurred_at)))
           || jsonb_build_object('details', coalesce(details, '{}'::jsonb))
$$ LANGUAGE sql VOLATILE;

-- An abandon (contacts.abandoned) whose contact has not been stored yet: the contact is stored as ABANDONED when it
-- arrives, so a caller who hung up never waits in a queue as a ghost.
CREATE TABLE abandoned_contact (
    contact_id  varchar(100) PRIMARY KEY,
    occurred_at timestamptz  NOT NULL,
    details     jsonb        NOT NULL DEFAULT '{}'
);

-- Intake writes a whole batch with one statement: one wake-up per statement, not per row. Updates requeue single
-- items (release, escalation, returns): a row trigger whose WHEN costs nothing on the agents' other steps.
DROP TRIGGER work_item_queued ON work_item;
CREATE FUNCTION notify_work_queued_rows() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('work_queued', office) FROM (SELECT DISTINCT office FROM queued_rows WHERE state = 'QUEUED') o;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER work_item_inserted_queued AFTER INSERT ON work_item
    REFERENCING NEW TABLE AS queued_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_work_queued_rows();
CREATE TRIGGER work_item_requeued AFTER UPDATE OF state, office ON work_item
    FOR EACH ROW WHEN (NEW.state = 'QUEUED') EXECUTE FUNCTION notify_work_queued();
