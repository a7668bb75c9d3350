-- What the organisation knows of a customer: segment and products/services held (loadable from CSV).
CREATE TABLE customer_profile (
    customer_key varchar(300) PRIMARY KEY,
    name         varchar(300),
    segment      varchar(100) NOT NULL,
    products     text[]       NOT NULL DEFAULT '{}'
);
CREATE INDEX customer_profile_segment ON customer_profile (segment);

-- Explicit links between customer keys of one person (e.g. phone:+31612345678 and email:jan@example.com),
-- stored in both directions.
CREATE TABLE customer_link (
    customer_key varchar(300) NOT NULL,
    linked_key   varchar(300) NOT NULL,
    PRIMARY KEY (customer_key, linked_key)
);

CREATE INDEX work_item_customer_phone ON work_item (customer_phone) WHERE customer_phone IS NOT NULL;
CREATE INDEX work_item_customer_email ON work_item (customer_email) WHERE customer_email IS NOT NULL;
CREATE INDEX work_item_completed ON work_item (office, channel, completed_at) WHERE state = 'COMPLETED';
