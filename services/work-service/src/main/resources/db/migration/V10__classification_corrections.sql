-- Agents correct the routing engine's class (issue 17). The item keeps the class it was routed with (routed_rst,
-- routed_intent, set by the first correction), the model version that decided it (from ContactRouted), and when
-- its class last changed; rst and intent are the corrected class from then on.
ALTER TABLE work_item
    ADD COLUMN model_version varchar(100),
    ADD COLUMN routed_rst    varchar(20),
    ADD COLUMN routed_intent varchar(40),
    ADD COLUMN corrected_at  timestamptz;

-- A ClassificationCorrection (contracts) of item item_id to rst/intent: the one place its JSON is made, for the
-- agents' corrections and the ones an escalation implies. The text is the item's opening contact's. The arguments'
-- names differ from the columns of work_item and contact_message: in an SQL function a column of the same name wins.
CREATE FUNCTION classification_correction(item_id uuid, from_rst text, from_intent text, to_rst text,
                                          to_intent text, source text, reason text, agent text, model text,
                                          corrected timestamptz)
    RETURNS jsonb AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
               'schemaVersion', 1,
               'contactId', w.contact_id,
               'channel', w.channel,
               'language', w.language,
               'public', coalesce(m.public_post, false),
               'text', m.text,
               'routedRst', from_rst,
               'routedIntent', from_intent,
               'rst', to_rst,
               'intent', to_intent,
               'source', source,
               'reason', reason,
               'agentId', agent,
               'modelVersion', model,
               'correctedAt', iso_instant(corrected)))
      FROM work_item w LEFT JOIN contact_message m ON m.contact_id = w.contact_id
     WHERE w.id = item_id
$$ LANGUAGE sql STABLE;
