package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * An operational alert, published by the ops-service on {@link Topics#ALERTS} keyed by {@code key}. The same
 * key is raised once and later cleared.
 *
 * @param key     what the alert is about: the complaint topic, or the channel
 * @param channel the channel concerned, null for cross-channel alerts such as complaint surges
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
        int schemaVersion,
        String alertId,
        Kind kind,
        State state,
        String key,
        Channel channel,
        String message,
        double observed,
        double threshold,
        Instant raisedAt,
        Instant clearedAt) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * {@code UNMAPPED_DELIVERY}: signed deliveries of a channel that its adapter kept raw on contacts.unmapped;
     * {@code ITEMS_STRANDED}: contacts of a channel waiting with no eligible agent on duty;
     * {@code REPLY_DELIVERY_FAILING}: too large a share of a channel's replies failed (docs/metrics.md, "Alerts").
     */
    public enum Kind {
        COMPLAINT_SURGE, SERVICE_LEVEL_BREACH, QUEUE_AGE, UNMAPPED_DELIVERY, ITEMS_STRANDED, REPLY_DELIVERY_FAILING
    }

    public enum State { RAISED, CLEARED }
}
