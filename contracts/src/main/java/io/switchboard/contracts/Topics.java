package io.switchboard.contracts;

import java.util.List;
import java.util.Set;

/** Kafka topic names (docs/architecture.md §3). */
public final class Topics {

    public static final String CONTACTS_INBOUND = "contacts.inbound";
    public static final String CONTACTS_ROUTED = "contacts.routed";
    public static final String CONTACTS_LIFECYCLE = "contacts.lifecycle";
    /** Customers who left before an agent answered, as the phone and store gateways report it: adapters → work-service. */
    public static final String CONTACTS_ABANDONED = "contacts.abandoned";
    /** Signed webhook deliveries an adapter could not map, kept raw with the reason: adapters → ops-service, replay. */
    public static final String CONTACTS_UNMAPPED = "contacts.unmapped";
    /** Replies and connections to deliver to customers, by the channel's adapter: work-service → adapters. */
    public static final String CONTACTS_OUTBOUND = "contacts.outbound";
    /** What became of each outbound message, from the adapters and the providers' status webhooks: adapters → work-service. */
    public static final String CONTACTS_DELIVERY = "contacts.delivery";
    /** Customers' answers to satisfaction surveys ({@link SurveyResponse}): adapters → work-service. */
    public static final String CONTACTS_FEEDBACK = "contacts.feedback";
    /** Webshop orders ({@link OrderPlaced}), to match offers taken: webshop adapter → work-service. */
    public static final String CONTACTS_ORDERS = "contacts.orders";
    /** Agents' corrections of routing decisions, compacted, keyed by contact id: work-service → routing engine, ops. */
    public static final String CONTACTS_CORRECTIONS = "contacts.corrections";
    public static final String CHANNEL_METRICS = "channel.metrics";
    public static final String ALERTS = "alerts";
    public static final String CONTACTS_DLQ = "contacts.dlq";

    /** Every topic, in the order they are created by the local runtime. */
    public static final List<String> ALL = List.of(
            CONTACTS_INBOUND, CONTACTS_ROUTED, CONTACTS_LIFECYCLE, CONTACTS_ABANDONED, CONTACTS_UNMAPPED, CONTACTS_OUTBOUND,
            CONTACTS_DELIVERY, CONTACTS_FEEDBACK, CONTACTS_ORDERS, CONTACTS_CORRECTIONS, CHANNEL_METRICS, ALERTS, CONTACTS_DLQ);

    /** The topics that keep each key's latest record (cleanup.policy=compact) instead of a time window. */
    public static final Set<String> COMPACTED = Set.of(CONTACTS_CORRECTIONS);

    private Topics() {
    }
}
