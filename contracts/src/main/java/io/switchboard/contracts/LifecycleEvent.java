package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * One step in the life of a work item, published by the work-service on {@link Topics#CONTACTS_LIFECYCLE},
 * keyed by contact id. {@code eventId} is unique per step so consumers can de-duplicate redeliveries;
 * {@code queuedAt} lets consumers compute waits without state of their own.
 *
 * @param details step-specific facts: {@code resolution}, {@code firstContactResolution}, {@code reason},
 *                {@code toOffice}, {@code fromOffice}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecycleEvent(
        int schemaVersion,
        String eventId,
        LifecycleEventType type,
        String contactId,
        Channel channel,
        Office office,
        Intent intent,
        String agentId,
        Instant queuedAt,
        Instant occurredAt,
        Map<String, String> details) {

    public static final int SCHEMA_VERSION = 1;

    public LifecycleEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
