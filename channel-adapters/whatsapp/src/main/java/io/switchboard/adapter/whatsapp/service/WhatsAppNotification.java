package io.switchboard.adapter.whatsapp.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * A WhatsApp Business Cloud API webhook notification, as far as Switchboard reads it: messages customers sent
 * and the delivery statuses of messages sent to them. One notification may carry several entries, changes and
 * messages.
 */
public record WhatsAppNotification(String object, List<Entry> entry) {

    public static final String OBJECT = "whatsapp_business_account";

    public record Entry(String id, List<Change> changes) {
    }

    public record Change(String field, Value value) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Value(String messagingProduct, Metadata metadata, List<Contact> contacts, List<Message> messages,
            List<Status> statuses) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Metadata(String displayPhoneNumber, String phoneNumberId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Contact(Profile profile, String waId) {
    }

    public record Profile(String name) {
    }

    public record Message(String from, String id, JsonNode timestamp, String type, Text text, Interactive interactive,
            Button button, Media image, Media audio, Media video, Media document, Media sticker, Location location,
            Context context) {
    }

    public record Text(String body) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Interactive(String type, Reply buttonReply, Reply listReply) {
    }

    public record Reply(String id, String title, String description) {
    }

    public record Button(String text, String payload) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Media(String id, String mimeType, String caption, String filename) {
    }

    public record Location(Double latitude, Double longitude, String name, String address) {
    }

    public record Context(String from, String id) {
    }

    /** What became of a message Switchboard sent: {@code id} is its wamid; {@code errors} only with failed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Status(String id, String status, JsonNode timestamp, String recipientId, List<Error> errors) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Error(Integer code, String title, String message, ErrorData errorData) {
    }

    public record ErrorData(String details) {
    }
}
