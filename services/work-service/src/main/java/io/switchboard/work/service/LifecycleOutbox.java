package io.switchboard.work.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Topics;
import io.switchboard.work.model.OutboxEvent;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Records a lifecycle step in the outbox, inside the caller's transaction: the event exists exactly when the change
 * it reports was committed, and the relay publishes it from there, also after a crash.
 */
@ApplicationScoped
public class LifecycleOutbox {

    private final OutboxRepository outbox;
    private final ObjectMapper mapper;

    public LifecycleOutbox(OutboxRepository outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public Uni<Void> record(WorkItem item, LifecycleEventType type, String agentId, Instant at,
            Map<String, String> details) {
        LifecycleEvent event = new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), type,
                item.contactId, item.channel, item.office, item.intent, agentId, item.queuedAt, at, details);
        try {
            return outbox.persist(OutboxEvent.of(Topics.CONTACTS_LIFECYCLE, item.contactId,
                    mapper.writeValueAsString(event))).replaceWithVoid();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lifecycle event not serialisable", e);
        }
    }

    public Uni<Void> record(WorkItem item, LifecycleEventType type, String agentId, Instant at) {
        return record(item, type, agentId, at, Map.of());
    }
}
