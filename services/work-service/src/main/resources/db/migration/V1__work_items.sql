-- Agents: who may take what (office, skills, languages, per-channel capacity, technicians' regions) and presence.
CREATE TABLE agent (
    id           varchar(100) PRIMARY KEY,
    name         varchar(200) NOT NULL,
    office       varchar(20)  NOT NULL,
    skills       text[]       NOT NULL DEFAULT '{}',
    languages    text[]       NOT NULL DEFAULT '{}',
    regions      text[]       NOT NULL DEFAULT '{}',
    capacity     jsonb        NOT NULL DEFAULT '{}',
    status       varchar(20)  NOT NULL DEFAULT 'OFFLINE',
    last_seen_at timestamptz,
    updated_at   timestamptz  NOT NULL
);

-- One work item per contact (conversation). contact_id is the contact that opened it.
CREATE TABLE work_item (
    id                       uuid         PRIMARY KEY,
    contact_id               varchar(100) NOT NULL UNIQUE,
    channel                  varchar(20)  NOT NULL,
    customer_key             varchar(300) NOT NULL,
    customer_name            varchar(300),
    customer_phone           varchar(100),
    customer_email           varchar(300),
    customer_handle          varchar(300),
    language                 varchar(20),
    rst                      varchar(20),
    intent                   varchar(40),
    office                   varchar(20)  NOT NULL,
    priority                 integer      NOT NULL,
    required_skills          text[]       NOT NULL DEFAULT '{}',
    sla_seconds              integer      NOT NULL,
    explanation              text[]       NOT NULL DEFAULT '{}',
    postal_code              varchar(20),
    state                    varchar(20)  NOT NULL,
    agent_id                 varchar(100),
    queued_at                timestamptz  NOT NULL,
    reserved_at              timestamptz,
    reservation_expires_at   timestamptz,
    accepted_at              timestamptz,
    completed_at             timestamptz,
    resolution               varchar(200),
    first_contact_resolution boolean,
    notes                    text,
    escalations              text         NOT NULL DEFAULT '[]',
    visit_from               timestamptz,
    visit_to                 timestamptz
);

-- The pull query: queued items of an office by priority, then age.
CREATE INDEX work_item_queue ON work_item (office, priority DESC, queued_at) WHERE state = 'QUEUED';
CREATE INDEX work_item_held ON work_item (agent_id, channel) WHERE state IN ('RESERVED', 'ACCEPTED');
CREATE INDEX work_item_reservations ON work_item (reservation_expires_at) WHERE state = 'RESERVED';
CREATE INDEX work_item_conversation ON work_item (customer_key, channel) WHERE state IN ('QUEUED', 'RESERVED', 'ACCEPTED');
CREATE INDEX work_item_customer ON work_item (customer_key);

-- Every contact that reached the service, the opening one and follow-ups joined to an open item. The primary key
-- on contact_id is what makes a redelivered ContactRouted a no-op.
CREATE TABLE contact_message (
    contact_id   varchar(100) PRIMARY KEY,
    work_item_id uuid         NOT NULL REFERENCES work_item (id),
    provider     varchar(100),
    text         text,
    received_at  timestamptz  NOT NULL,
    attachments  text         NOT NULL DEFAULT '[]'
);
CREATE INDEX contact_message_item ON contact_message (work_item_id, received_at);

-- Transactional outbox: lifecycle events written in the transaction that changed the item, relayed to Kafka and
-- deleted once Kafka acknowledged them.
CREATE TABLE outbox_event (
    id          bigserial    PRIMARY KEY,
    topic       varchar(100) NOT NULL,
    message_key varchar(300) NOT NULL,
    payload     text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

-- Wake-ups for every instance, delivered when the transaction commits: agents waiting in a long poll when an
-- item (re)enters a queue, and the outbox relay when events are waiting.
CREATE FUNCTION notify_work_queued() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('work_queued', NEW.office);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER work_item_queued AFTER INSERT OR UPDATE OF state, office ON work_item
    FOR EACH ROW WHEN (NEW.state = 'QUEUED') EXECUTE FUNCTION notify_work_queued();

CREATE FUNCTION notify_outbox() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_event_inserted AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();
