package io.switchboard.adapter.whatsapp.service;

import io.switchboard.adapter.core.customer.CustomerKeys;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.unmapped.UnmappableException;
import io.switchboard.adapter.core.webhook.ProviderTime;
import io.switchboard.adapter.whatsapp.service.WhatsAppNotification.Message;
import io.switchboard.adapter.whatsapp.service.WhatsAppNotification.Value;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/**
 * Turns a notification into one contact per customer message (text, interactive reply, media, location). Delivery
 * statuses are news about a message Switchboard sent, not a customer reaching out: {@link WhatsAppStatuses}.
 */
@ApplicationScoped
public class WhatsAppContacts {

    public static final String PROVIDER = "whatsapp-cloud-api";
    /** The metadata key of the business number the customer wrote to, which a reply is sent from. */
    public static final String PHONE_NUMBER_ID = "phoneNumberId";
    /** A reaction to our message or a system notice (number changed) is no customer reaching out. */
    private static final Set<String> NOT_CONTACTS = Set.of("reaction", "system");
    private static final Set<String> MEDIA = Set.of("image", "audio", "video", "document", "sticker");

    private final CustomerKeys customerKeys;
    private final AdapterMetrics metrics;

    public WhatsAppContacts(CustomerKeys customerKeys, AdapterMetrics metrics) {
        this.customerKeys = customerKeys;
        this.metrics = metrics;
    }

    public List<ContactReceived> contactsOf(WhatsAppNotification notification) {
        if (!WhatsAppNotification.OBJECT.equals(notification.object())) {
            throw UnmappableException.unknownEvent("unsupported object '" + notification.object()
                    + "', expected '" + WhatsAppNotification.OBJECT + "'");
        }
        List<ContactReceived> contacts = new ArrayList<>();
        for (var entry : require(notification.entry(), "entry")) {
            for (var change : listOf(entry.changes())) {
                Value value = require(change.value(), "entry[].changes[].value");
                if (listOf(value.statuses()).isEmpty() && listOf(value.messages()).isEmpty()) {
                    // Template, quality and account updates of subscribed fields other than messages.
                    metrics.ignored(String.valueOf(change.field()));
                }
                for (Message message : listOf(value.messages())) {
                    if (NOT_CONTACTS.contains(message.type())) {
                        metrics.ignored(message.type());
                    } else {
                        contacts.add(contactOf(message, value));
                    }
                }
            }
        }
        return contacts;
    }

    private ContactReceived contactOf(Message message, Value value) {
        String id = require(message.id(), "messages[].id");
        String from = require(message.from(), "messages[].from");
        String type = require(message.type(), "messages[].type");
        Map<String, String> metadata = new HashMap<>();
        metadata.put("messageType", type);
        if (value.metadata() != null) {
            putIfPresent(metadata, PHONE_NUMBER_ID, value.metadata().phoneNumberId());
            putIfPresent(metadata, "displayPhoneNumber", value.metadata().displayPhoneNumber());
        }
        if (message.context() != null) {
            putIfPresent(metadata, "inReplyTo", message.context().id());
        }
        List<Attachment> attachments = new ArrayList<>();
        String text = switch (type) {
            case "text" -> require(message.text(), "messages[].text").body();
            case "interactive" -> interactiveReply(message, metadata);
            case "button" -> {
                putIfPresent(metadata, "buttonPayload", require(message.button(), "messages[].button").payload());
                yield message.button().text();
            }
            case "location" -> location(require(message.location(), "messages[].location"), metadata);
            // Anything else a customer can send (a contact card, an order, a type Meta marks 'unsupported') still
            // is the customer reaching out: a contact without text, the type in metadata, for an agent to open.
            default -> MEDIA.contains(type) ? media(message, type, attachments) : null;
        };
        return ContactReceived.of(Channel.WHATSAPP, PROVIDER, id, ProviderTime.of(message.timestamp(), Instant.now()),
                customer(from, value), text, null, false, attachments, metadata);
    }

    private Customer customer(String waId, Value value) {
        String name = listOf(value.contacts()).stream()
                .filter(contact -> waId.equals(contact.waId()) && contact.profile() != null)
                .map(contact -> contact.profile().name())
                .findFirst().orElse(null);
        return customerKeys.byPhone(waId, name);
    }

    /** Button and list replies carry the option the customer chose; other interactive kinds keep only their type. */
    private static String interactiveReply(Message message, Map<String, String> metadata) {
        var interactive = require(message.interactive(), "messages[].interactive");
        putIfPresent(metadata, "interactiveType", interactive.type());
        var reply = interactive.buttonReply() != null ? interactive.buttonReply() : interactive.listReply();
        if (reply == null) {
            return null;
        }
        putIfPresent(metadata, "replyId", reply.id());
        return reply.description() == null ? reply.title() : reply.title() + " - " + reply.description();
    }

    private static String location(WhatsAppNotification.Location location, Map<String, String> metadata) {
        putIfPresent(metadata, "latitude", location.latitude() == null ? null : location.latitude().toString());
        putIfPresent(metadata, "longitude", location.longitude() == null ? null : location.longitude().toString());
        putIfPresent(metadata, "locationName", location.name());
        putIfPresent(metadata, "locationAddress", location.address());
        String place = String.join(", ", Stream.of(location.name(), location.address()).filter(Objects::nonNull).toList());
        return place.isEmpty() ? null : place;
    }

    /** Media keep their id so an agent's tool can fetch them from the Graph API; the caption is the text. */
    private static String media(Message message, String type, List<Attachment> attachments) {
        WhatsAppNotification.Media media = switch (type) {
            case "image" -> message.image();
            case "audio" -> message.audio();
            case "video" -> message.video();
            case "document" -> message.document();
            default -> message.sticker();
        };
        require(media, "messages[]." + type);
        attachments.add(new Attachment(type, require(media.id(), "messages[]." + type + ".id"), media.mimeType(), null,
                media.caption() != null ? media.caption() : media.filename()));
        return media.caption();
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(key, value);
        }
    }

    static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }
}
