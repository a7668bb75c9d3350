-- Agents answer the customer (issue 15). What a reply needs from the customer's latest message is kept at intake:
-- the provider's message id (the comment, tweet, call or ticket to answer), whether it was public, and the
-- adapter's own metadata of the contact (the business number or page that was written to).
ALTER TABLE contact_message
    ADD COLUMN provider_message_id varchar(300),
    ADD COLUMN public_post         boolean NOT NULL DEFAULT false,
    ADD COLUMN metadata            jsonb   NOT NULL DEFAULT '{}';

-- Where an agent takes a connected customer: a caller (Twilio Client identity client:…, SIP URI sip:…, or +E.164)
-- and a store visitor (the desk the kiosk calls the ticket to).
ALTER TABLE agent
    ADD COLUMN phone_address varchar(300),
    ADD COLUMN desk          varchar(100);

-- What goes out to the customer: agents' replies (REPLY) and the connection of a waiting caller or store visitor
-- to the accepting agent (CONNECT), each with its delivery state as the adapters and providers report it. A table
-- of its own, not rows of contact_message: a reply has a life of its own (PENDING → SENT → DELIVERED → READ, or
-- FAILED/UNCONFIRMED), is keyed by its own id and the agent's idempotency key, and contact_message's primary key
-- (the contact id) is what makes a redelivered inbound contact a no-op. The item's thread merges both by time.
CREATE TABLE reply (
    id                  uuid         PRIMARY KEY,
    work_item_id        uuid         NOT NULL REFERENCES work_item (id),
    kind                varchar(10)  NOT NULL,
    agent_id            varchar(100) NOT NULL,
    text                text,
    attachments         jsonb        NOT NULL DEFAULT '[]',
    template_name       varchar(200),
    template_language   varchar(20),
    private_reply       boolean      NOT NULL DEFAULT false,
    -- A request retried with the same key is the same reply: never a second message to the customer.
    idempotency_key     varchar(200) NOT NULL,
    agent_address       varchar(300),
    state               varchar(20)  NOT NULL,
    provider            varchar(100),
    provider_message_id varchar(300),
    error               text,
    requested_at        timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    UNIQUE (work_item_id, idempotency_key)
);
CREATE INDEX reply_item ON reply (work_item_id, requested_at);
-- Providers' status webhooks know only their own message id.
CREATE INDEX reply_provider_message ON reply (provider_message_id) WHERE provider_message_id IS NOT NULL;

-- A provider's status that overtook the adapter's SENT (the webhook came before the send was recorded): kept here
-- and applied when the SENT with that provider message id lands.
CREATE TABLE early_reply_status (
    event_id            varchar(100) PRIMARY KEY,
    provider            varchar(100) NOT NULL,
    provider_message_id varchar(300) NOT NULL,
    state               varchar(20)  NOT NULL,
    error               text,
    occurred_at         timestamptz  NOT NULL
);
CREATE INDEX early_reply_status_message ON early_reply_status (provider_message_id);

-- An OutboundMessage (contracts: OutboundMessage, ReplyContext) for reply fields given here on work item item_id,
-- replyTo being the customer's latest inbound message on the item: the one place the message's JSON is made, for
-- the agents' replies and the CONNECT written with an accept.
CREATE FUNCTION outbound_message(item_id uuid, reply_id uuid, kind text, agent text, agent_address text, body text,
                                 attachments jsonb, template_name text, template_language text,
                                 private_reply boolean, idempotency_key text, requested_at timestamptz)
    RETURNS jsonb AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
               'schemaVersion', 1,
               'replyId', reply_id::text,
               'kind', kind,
               'contactId', w.contact_id,
               'channel', w.channel,
               'customer', jsonb_build_object('key', w.customer_key, 'phone', w.customer_phone,
                                              'email', w.customer_email, 'handle', w.customer_handle,
                                              'name', w.customer_name),
               'text', body,
               'attachments', attachments,
               'templateName', template_name,
               'templateLanguage', template_language,
               'privateReply', private_reply,
               'idempotencyKey', idempotency_key,
               'agentId', agent,
               'agentAddress', agent_address,
               'replyTo', (SELECT jsonb_build_object('provider', m.provider,
                                                     'providerMessageId', m.provider_message_id,
                                                     'public', m.public_post,
                                                     'receivedAt', iso_instant(m.received_at),
                                                     'metadata', m.metadata)
                             FROM contact_message m WHERE m.work_item_id = w.id
                            ORDER BY m.received_at DESC, m.contact_id DESC LIMIT 1),
               'requestedAt', iso_instant(requested_at)))
      FROM work_item w WHERE w.id = item_id
$$ LANGUAGE sql STABLE;
