-- The agents' steps change work_item's state, which partial indexes name, so no such update is HOT: each writes a
-- new entry into every index the new row qualifies for. work_item_customer (V1) is the leading column of
-- work_item_customer_queued (V13), which serves every look-up by customer key as well: one index fewer to write on
-- each intake, reservation, accept and completion.
DROP INDEX work_item_customer;
