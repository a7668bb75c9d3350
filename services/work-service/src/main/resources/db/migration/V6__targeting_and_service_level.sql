-- Targeting that widens while an item waits (ContactRouted.targeting), and queues ordered by service level.
--
-- The item's office and required_skills are the step it is in (step); the pull also honours the next step from
-- next_step_at on when it stays in the same office (next_skills), comparing timestamps only. A sweep moves items
-- into their step (a step that changes office moves the item to that office's queue) and wakes the agents.
-- due_at (queued_at + sla_seconds) is when the item breaches its service level: within a priority, the queue
-- index orders by it, so the item nearest to breaching comes first.
ALTER TABLE work_item
    ADD COLUMN targeting    jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN step         integer NOT NULL DEFAULT 0,
    ADD COLUMN next_step_at timestamptz,
    ADD COLUMN next_skills  text[],
    ADD COLUMN matched_step integer,
    ADD COLUMN due_at       timestamptz;
UPDATE work_item SET due_at = queued_at + make_interval(secs => sla_seconds);
ALTER TABLE work_item ALTER COLUMN due_at SET NOT NULL;

DROP INDEX work_item_queue;
CREATE INDEX work_item_queue ON work_item (office, priority DESC, due_at, id) WHERE state = 'QUEUED';
CREATE INDEX work_item_next_step ON work_item (next_step_at) WHERE state = 'QUEUED' AND next_step_at IS NOT NULL;
