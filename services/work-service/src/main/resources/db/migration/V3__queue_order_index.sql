-- The pull's full order (priority, then oldest, then id as the tie-break), so PostgreSQL reads the office's queue
-- straight from the index and stops at the first item the agent may take.
DROP INDEX work_item_queue;
CREATE INDEX work_item_queue ON work_item (office, priority DESC, queued_at, id) WHERE state = 'QUEUED';
