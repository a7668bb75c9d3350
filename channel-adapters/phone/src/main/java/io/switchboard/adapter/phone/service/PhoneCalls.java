package io.switchboard.adapter.phone.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.customer.CustomerKeys;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.publish.AbandonPublisher;
import io.switchboard.adapter.core.publish.ContactPublisher;
import io.switchboard.adapter.core.unmapped.UnmappableException;
import io.switchboard.adapter.phone.service.VoicePrompts.Language;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/**
 * A call becomes a contact once the caller has said what it is about; a caller who hangs up while waiting in the
 * queue abandons it. The call SID is the provider message id, so Twilio's retries map to the same contact.
 */
@ApplicationScoped
public class PhoneCalls {

    public static final String PROVIDER = "twilio";
    /** The key a caller presses outside business hours to be called back. */
    public static final String CALLBACK_KEY = "1";

    private final CustomerKeys customerKeys;
    private final ContactPublisher contacts;
    private final AbandonPublisher abandons;
    private final AdapterMetrics metrics;

    public PhoneCalls(CustomerKeys customerKeys, ContactPublisher contacts, AbandonPublisher abandons,
            AdapterMetrics metrics) {
        this.customerKeys = customerKeys;
        this.contacts = contacts;
        this.abandons = abandons;
        this.metrics = metrics;
    }

    /** The language to greet in, from the caller's number; callers with a withheld number hear Dutch. */
    public Language languageOf(Map<String, List<String>> call) {
        return VoicePrompts.languageFor(customerKeys.phone(param(call, "From")).orElse(null));
    }

    /** An answered call is no contact yet (the caller has not said what it is about), but it must be a call. */
    public Uni<Void> answered(Map<String, List<String>> call) {
        require(param(call, "CallSid"), "CallSid");
        return Uni.createFrom().voidItem();
    }

    /** The caller's own words (Twilio's speech result) are the contact text. */
    public Uni<Void> described(Map<String, List<String>> call, Language language) {
        Map<String, String> metadata = new HashMap<>();
        put(metadata, "speechConfidence", param(call, "Confidence"));
        String speech = param(call, "SpeechResult");
        if (speech == null || speech.isBlank()) {
            metadata.put("speech", "none");
        }
        return contacts.publish(contact(call, language, speech, metadata));
    }

    /** Whether the caller can be called back: their number is known (not withheld) and a phone number. */
    public boolean callbackPossible(Map<String, List<String>> call) {
        return customerKeys.phone(param(call, "From")).isPresent();
    }

    /**
     * Outside business hours the caller pressed 1 to be called back: the contact is queued like any call, marked
     * {@code callback=requested} with the number to call, and waits in its queue for the next opening. Any other key
     * (or none) is no contact.
     */
    public Uni<Void> callbackChosen(Map<String, List<String>> call, Language language) {
        require(param(call, "CallSid"), "CallSid");
        if (!CALLBACK_KEY.equals(param(call, "Digits"))) {
            return Uni.createFrom().voidItem();
        }
        String number = customerKeys.phone(param(call, "From")).orElseThrow(
                () -> UnmappableException.invalidValue("a callback needs the caller's number, From is '"
                        + param(call, "From") + "'"));
        Map<String, String> metadata = new HashMap<>();
        metadata.put("callback", "requested");
        metadata.put("callbackNumber", number);
        metadata.put("speech", "none");
        return contacts.publish(contact(call, language, language.callbackRequest(), metadata));
    }

    private ContactReceived contact(Map<String, List<String>> call, Language language, String text,
            Map<String, String> metadata) {
        String callSid = require(param(call, "CallSid"), "CallSid");
        put(metadata, "to", param(call, "To"));
        put(metadata, "callerCountry", param(call, "FromCountry"));
        return ContactReceived.of(Channel.PHONE, PROVIDER, callSid, Instant.now(), caller(callSid, call), text,
                language.code(), false, List.of(), metadata);
    }

    /**
     * Twilio reports a caller leaving the queue ({@code <Enqueue action>}, {@code QueueResult}) and the call's
     * progress (status callback, {@code CallStatus}). Hanging up while queued is an abandon.
     */
    public Uni<Void> statusChanged(Map<String, List<String>> call) {
        String callSid = require(param(call, "CallSid"), "CallSid");
        String queueResult = param(call, "QueueResult");
        if ("hangup".equals(queueResult)) {
            Map<String, String> details = new HashMap<>();
            details.put("reason", "caller hung up while waiting");
            put(details, "queueTimeSeconds", param(call, "QueueTime"));
            return abandons.abandoned(Channel.PHONE, callSid, Instant.now(), details);
        }
        metrics.deliveryStatus(queueResult != null ? "queue-" + queueResult
                : "call-" + require(param(call, "CallStatus"), "CallStatus or QueueResult"));
        return Uni.createFrom().voidItem();
    }

    /** Withheld numbers ({@code anonymous}) leave only the call to know the caller by. */
    private Customer caller(String callSid, Map<String, List<String>> call) {
        String from = param(call, "From");
        String name = param(call, "CallerName");
        return customerKeys.phone(from).isPresent() ? customerKeys.byPhone(from, name)
                : CustomerKeys.byHandle("twilio-call", callSid, name);
    }

    /** The first value of a form parameter of Twilio's request, null when absent. */
    public static String param(Map<String, List<String>> call, String name) {
        List<String> values = call.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
