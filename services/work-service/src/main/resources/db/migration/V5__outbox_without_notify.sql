-- The outbox relay is started by the service that wrote the events, not by a NOTIFY per transaction: PostgreSQL
-- serialises the commits of all transactions that issued NOTIFY on one lock (held through the WAL flush), which
-- capped the agents' steps at about 1,400 commits/s on a 2-core machine. The intake's work_queued notification,
-- one per batch, and the requeue's stay: they wake the agents waiting on other instances.
DROP TRIGGER outbox_event_inserted ON outbox_event;
DROP FUNCTION notify_outbox();
