package io.switchboard.work.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.work.model.ContactMessage;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.repository.ContactMessageRepository;
import io.switchboard.work.repository.WorkItemRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns routed contacts into queued work. Every contact is recorded once as a message (its contact id is the key),
 * so a redelivered event changes nothing; a follow-up of a customer whose conversation on that channel is still
 * open joins that work item instead of opening a new one.
 */
@ApplicationScoped
public class WorkIntake {

    /** What became of a routed contact. */
    public enum Outcome { QUEUED, JOINED, DUPLICATE }

    private final WorkItemRepository items;
    private final ContactMessageRepository messages;
    private final LifecycleOutbox lifecycle;
    private final Clock clock;

    public WorkIntake(WorkItemRepository items, ContactMessageRepository messages, LifecycleOutbox lifecycle,
            Clock clock) {
        this.items = items;
        this.messages = messages;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Outcome> take(ContactRouted routed) {
        return messages.findById(routed.contactId()).chain(known -> known != null
                ? Uni.createFrom().item(Outcome.DUPLICATE)
                : items.openConversation(routed.contact().customer().key(), routed.channel())
                        .chain(open -> open != null ? join(open, routed.contact()) : queue(routed)));
    }

    private Uni<Outcome> queue(ContactRouted routed) {
        ContactReceived contact = routed.contact();
        Instant now = clock.instant();
        WorkItem item = new WorkItem();
        item.id = UUID.randomUUID();
        item.contactId = contact.contactId();
        item.channel = contact.channel();
        item.customerKey = contact.customer().key();
        item.customerName = contact.customer().name();
        item.customerPhone = contact.customer().phone();
        item.customerEmail = contact.customer().email();
        item.customerHandle = contact.customer().handle();
        item.language = primaryLanguage(contact.language());
        item.rst = routed.rst();
        item.intent = routed.intent();
        item.office = routed.office();
        item.priority = routed.priority();
        item.requiredSkills = routed.requiredSkills();
        item.slaSeconds = routed.slaSeconds();
        item.explanation = routed.explanation();
        item.postalCode = PostalCodes.normalise(contact.metadata().get("postalCode"));
        item.state = WorkState.QUEUED;
        item.queuedAt = now;
        return items.persist(item)
                .chain(() -> messages.persist(message(item, contact)))
                .chain(() -> lifecycle.record(item, LifecycleEventType.QUEUED, null, now))
                .replaceWith(Outcome.QUEUED);
    }

    private Uni<Outcome> join(WorkItem open, ContactReceived contact) {
        return messages.persist(message(open, contact))
                .chain(() -> lifecycle.record(open, LifecycleEventType.MESSAGE_JOINED, open.agentId, clock.instant(),
                        Map.of("messageContactId", contact.contactId())))
                .replaceWith(Outcome.JOINED);
    }

    private static ContactMessage message(WorkItem item, ContactReceived contact) {
        ContactMessage message = new ContactMessage();
        message.contactId = contact.contactId();
        message.workItemId = item.id;
        message.provider = contact.provider();
        message.text = contact.text();
        message.receivedAt = contact.receivedAt() != null ? contact.receivedAt() : item.queuedAt;
        message.attachments = contact.attachments();
        return message;
    }

    /** "nl-NL" and "NL" both mean Dutch to an agent who speaks "nl". */
    private static String primaryLanguage(String language) {
        return language == null || language.isBlank() ? null
                : language.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }
}
