-- The targeting sweep touches an item only when the pull cannot honour its step by itself (issue 12): sweep_at is
-- the start of the next step that changes office, or of the step after the one next_skills covers (a step in the
-- same office is honoured by the pull through next_step_at and next_skills, without a row update). A pull under
-- the next step moves the item into it in the reservation's own update.
ALTER TABLE work_item ADD COLUMN sweep_at timestamptz;
UPDATE work_item SET sweep_at = next_step_at WHERE next_step_at IS NOT NULL;

DROP INDEX work_item_next_step;
CREATE INDEX work_item_sweep ON work_item (sweep_at) WHERE state = 'QUEUED' AND sweep_at IS NOT NULL;
