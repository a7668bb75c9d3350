-- Re-offer rules. An item an agent released or let time out is not offered to that agent again before
-- declined_until, unless no other eligible agent is available; each such return counts in reoffers, and past the
-- configured bound the item is flagged (flagged_at) and left to a supervisor instead of being offered again.
-- Agents' reservation timeouts are counted on the agent.
ALTER TABLE work_item
    ADD COLUMN declined_by    varchar(100),
    ADD COLUMN declined_until timestamptz,
    ADD COLUMN reoffers       integer NOT NULL DEFAULT 0,
    ADD COLUMN flagged_at     timestamptz;
ALTER TABLE agent ADD COLUMN reservation_timeouts integer NOT NULL DEFAULT 0;

-- The pull's second look, taken only when nothing else fits: the items this agent declined.
CREATE INDEX work_item_declined ON work_item (declined_by, priority DESC, due_at, id)
    WHERE state = 'QUEUED' AND declined_by IS NOT NULL;
