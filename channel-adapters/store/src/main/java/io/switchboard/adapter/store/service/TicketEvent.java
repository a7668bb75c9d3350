package io.switchboard.adapter.store.service;

import java.util.List;

/**
 * A queue-management system's ticket webhook (Qminder-style): a visitor checked in at the kiosk or desk
 * ({@code ticket_created}), was called ({@code ticket_called}), served ({@code ticket_served}) or left the
 * queue ({@code ticket_cancelled}). docs/channels.md shows an example.
 */
public record TicketEvent(String type, Ticket data) {

    public record Ticket(String id, String source, String line, String lineName, String location, String firstName,
            String lastName, String phoneNumber, String email, String language, String created, List<Field> extra) {
    }

    /** A question the kiosk or desk asked the visitor, with the answer. */
    public record Field(String title, String value) {
    }
}
