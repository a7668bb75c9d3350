package io.switchboard.adapter.store.service;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A queue-management system's ticket webhook (Qminder-style): a visitor checked in at the kiosk or desk
 * ({@code ticket_created}), was called or recalled, had the ticket changed, was served, or left the queue
 * ({@code ticket_cancelled}). Read as Qminder documents it: ids and line ids as numbers or strings, the creation
 * time as an object ({@code {"date": "..."}}) or a string. docs/channels.md shows an example.
 */
public record TicketEvent(String type, Ticket data) {

    public record Ticket(String id, String source, String line, String lineName, String location, String firstName,
            String lastName, String phoneNumber, String email, @JsonAlias("languageCode") String language,
            JsonNode created, List<Field> extra) {
    }

    /** A question the kiosk or desk asked the visitor, with the answer. */
    public record Field(String title, String value) {
    }
}
