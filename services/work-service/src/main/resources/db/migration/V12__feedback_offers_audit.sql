-- What service is worth (issue 18): the satisfaction survey put to a customer after a completed item, the item's
-- next-best offer and whether the customer took it, and the audit trail of what was done to personal data.

-- One survey per surveyed item. The customer key is kept for the rate limit ("not surveyed in the last N days");
-- office, intent and agent are copied from the item so feedback figures and reports need no join and survive the
-- item's erasure.
CREATE TABLE survey (
    id                   uuid         PRIMARY KEY,
    work_item_id         uuid         REFERENCES work_item (id) ON DELETE SET NULL,
    contact_id           varchar(100) NOT NULL,
    customer_key         varchar(300),
    channel              varchar(20)  NOT NULL,
    office               varchar(20)  NOT NULL,
    intent               varchar(40),
    agent_id             varchar(100),
    language             varchar(20),
    sent_at              timestamptz  NOT NULL,
    answered_at          timestamptz,
    score                smallint     CHECK (score BETWEEN 0 AND 10),
    comment              text,
    -- A low score whose comment is a complaint opened this follow-up item for the back office.
    complaint            boolean      NOT NULL DEFAULT false,
    follow_up_contact_id varchar(100),
    -- What carried the answer (a SurveyResponse's event id, a WhatsApp answer's contact id): its redelivery is
    -- recognised as the same answer, not taken for new work.
    answer_ref           varchar(100)
);
CREATE UNIQUE INDEX survey_item ON survey (work_item_id) WHERE work_item_id IS NOT NULL;
CREATE INDEX survey_customer ON survey (customer_key, sent_at);
CREATE INDEX survey_sent ON survey (sent_at);

-- The survey scheduler walks completed items in completion order from where its last run stopped, so each item is
-- considered once, by one statement per batch, whatever the backlog. It starts at the migration: items completed
-- before surveys existed are not surveyed.
CREATE TABLE survey_cursor (
    completed_at timestamptz NOT NULL,
    work_item_id uuid        NOT NULL
);
INSERT INTO survey_cursor VALUES (now(), '00000000-0000-0000-0000-000000000000');
CREATE INDEX work_item_completion ON work_item (completed_at, id) WHERE state = 'COMPLETED';

-- The next-best offer shown on an item, and its take-up: recorded by the agent or matched to a webshop order of
-- the product by the same customer within the window.
CREATE TABLE offer (
    work_item_id uuid          PRIMARY KEY REFERENCES work_item (id) ON DELETE CASCADE,
    contact_id   varchar(100)  NOT NULL,
    customer_key varchar(300),
    channel      varchar(20)   NOT NULL,
    office       varchar(20)   NOT NULL,
    agent_id     varchar(100),
    product      varchar(200)  NOT NULL,
    shown_at     timestamptz   NOT NULL,
    accepted_at  timestamptz,
    -- The agent recorded that the customer said no; a later order of the product still counts as taken.
    declined_at  timestamptz,
    value        numeric(12, 2),
    currency     varchar(3),
    source       varchar(10)
);
CREATE INDEX offer_customer ON offer (customer_key, product, shown_at);

-- Erasures and retention runs (contracts' AuditEvent): who, what (a customer by the SHA-256 of their key), how much.
CREATE TABLE audit_event (
    id          uuid         PRIMARY KEY,
    action      varchar(30)  NOT NULL,
    actor       varchar(100) NOT NULL,
    subject     varchar(200) NOT NULL,
    details     jsonb        NOT NULL DEFAULT '{}',
    occurred_at timestamptz  NOT NULL
);
