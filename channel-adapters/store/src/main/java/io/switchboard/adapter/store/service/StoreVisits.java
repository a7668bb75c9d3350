package io.switchboard.adapter.store.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.customer.CustomerKeys;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.unmapped.UnmappableException;
import io.switchboard.adapter.core.webhook.ProviderTime;
import io.switchboard.adapter.core.publish.AbandonPublisher;
import io.switchboard.adapter.core.publish.ContactPublisher;
import io.switchboard.adapter.store.service.TicketEvent.Field;
import io.switchboard.adapter.store.service.TicketEvent.Ticket;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/**
 * A store visit is a contact like any other: the check-in becomes a {@code ContactReceived} with the question
 * the visitor came for, a visitor who leaves the queue abandons it; being called, recalled, changed and served is
 * the desk's own business and only counted.
 */
@ApplicationScoped
public class StoreVisits {

    public static final String PROVIDER = "store-queue";
    /** The kiosk question whose answer is the contact text; other answers go to metadata. */
    private static final Set<String> QUESTION_TITLES = Set.of("question", "vraag", "reason", "reden");

    private final CustomerKeys customerKeys;
    private final ContactPublisher contacts;
    private final AbandonPublisher abandons;
    private final AdapterMetrics metrics;

    public StoreVisits(CustomerKeys customerKeys, ContactPublisher contacts, AbandonPublisher abandons,
            AdapterMetrics metrics) {
        this.customerKeys = customerKeys;
        this.contacts = contacts;
        this.abandons = abandons;
        this.metrics = metrics;
    }

    public Uni<Void> handle(TicketEvent event) {
        Ticket ticket = require(event.data(), "data");
        String ticketId = require(ticket.id(), "data.id");
        return switch (require(event.type(), "type")) {
            case "ticket_created" -> contacts.publish(contactOf(ticketId, ticket));
            case "ticket_cancelled" -> abandons.abandoned(Channel.STORE, ticketId, Instant.now(),
                    Map.of("reason", "visitor left the queue"));
            case "ticket_called", "ticket_recalled", "ticket_changed", "ticket_served" -> {
                metrics.ignored(event.type());
                yield Uni.createFrom().voidItem();
            }
            default -> throw UnmappableException.unknownEvent("unsupported event type '" + event.type()
                    + "', expected ticket_created, ticket_called, ticket_recalled, ticket_changed, ticket_served or "
                    + "ticket_cancelled");
        };
    }

    private ContactReceived contactOf(String ticketId, Ticket ticket) {
        List<Field> fields = ticket.extra() == null ? List.of() : ticket.extra();
        String question = fields.stream()
                .filter(field -> field.title() != null && QUESTION_TITLES.contains(field.title().toLowerCase(Locale.ROOT)))
                .map(Field::value).findFirst()
                .orElseGet(() -> fields.stream().map(field -> field.title() + ": " + field.value())
                        .collect(Collectors.joining("; ")));
        Map<String, String> metadata = new HashMap<>();
        put(metadata, "source", ticket.source());
        put(metadata, "line", ticket.line());
        put(metadata, "lineName", ticket.lineName());
        put(metadata, "location", ticket.location());
        // where the survey goes (adapter-core SurveyMail), also when the visitor is known by phone
        put(metadata, "email", CustomerKeys.email(ticket.email()).orElse(null));
        return ContactReceived.of(Channel.STORE, PROVIDER, ticketId, ProviderTime.of(ticket.created(), Instant.now()),
                visitor(ticketId, ticket), question.isBlank() ? null : question, ticket.language(), false, List.of(),
                metadata);
    }

    /** A walk-in who left neither phone nor e-mail is still one contact, known by the ticket. */
    private Customer visitor(String ticketId, Ticket ticket) {
        String name = String.join(" ", Stream.of(ticket.firstName(), ticket.lastName())
                .filter(part -> part != null && !part.isBlank()).toList());
        if (customerKeys.phone(ticket.phoneNumber()).isEmpty() && CustomerKeys.email(ticket.email()).isEmpty()) {
            return CustomerKeys.byHandle("store-ticket", ticketId, name);
        }
        return customerKeys.byPhoneOrEmail(ticket.phoneNumber(), ticket.email(), name);
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(key, value);
        }
    }
}
