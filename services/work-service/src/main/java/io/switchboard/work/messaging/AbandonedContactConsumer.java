package io.switchboard.work.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.work.service.WorkLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes contacts out of the queue when the customer left before an agent answered: the phone adapter publishes
 * {@code ABANDONED} on {@code contacts.lifecycle} when a caller hangs up in the queue. The other events on that topic
 * are the work service's own and are skipped.
 */
@ApplicationScoped
public class AbandonedContactConsumer {

    private static final Logger LOG = Logger.getLogger(AbandonedContactConsumer.class);

    private final WorkLifecycle lifecycle;
    private final DatabaseRetry retry;
    private final ObjectMapper mapper;

    public AbandonedContactConsumer(WorkLifecycle lifecycle, DatabaseRetry retry, ObjectMapper mapper) {
        this.lifecycle = lifecycle;
        this.retry = retry;
        this.mapper = mapper;
    }

    @Incoming("contacts-abandoned")
    public Uni<Void> consume(String payload) {
        LifecycleEvent event;
        try {
            event = mapper.readValue(payload, LifecycleEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("Unreadable message on contacts.lifecycle goes to the dead letter topic: %s", e.getMessage());
            return Uni.createFrom().failure(new PoisonMessageException("not a LifecycleEvent: " + e.getMessage(), e));
        }
        if (event == null || event.type() != LifecycleEventType.ABANDONED || event.contactId() == null) {
            return Uni.createFrom().voidItem();
        }
        return retry.run("Abandonment of " + event.contactId(), () -> lifecycle.abandon(event.contactId()))
                .invoke(changed -> LOG.debugf("Contact %s abandoned; taken out of the queue: %s", event.contactId(),
                        changed))
                .replaceWithVoid();
    }
}
