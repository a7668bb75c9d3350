-- Agents who accept what they are given reserve messages straight into ACCEPTED, so only calls, store visits and
-- pulls without accept are ever RESERVED. The sweep of expired reservations (every 2 s) reads them through
-- work_item_held (state IN ('RESERVED', 'ACCEPTED'): a few rows per agent) as well as through its own index, which
-- every reservation had to write.
DROP INDEX work_item_reservations;
