-- Agent states with reason codes (AWAY for a BREAK, TRAINING, MEETING; WRAP_UP after completing an item, until
-- wrap_up_until), and a per-agent wrap-up time that overrides switchboard.work.wrap-up.
ALTER TABLE agent
    ADD COLUMN status_reason     varchar(20),
    ADD COLUMN wrap_up_until     timestamptz,
    ADD COLUMN wrap_up_seconds   integer;
