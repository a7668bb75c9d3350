package io.switchboard.adapter.social.outbound;

import io.switchboard.adapter.core.outbound.ProviderException;

import java.time.Duration;
import java.time.Instant;

/**
 * Meta's messaging windows for Messenger and Instagram: a reply within 24 hours of the customer's last message is a
 * {@code RESPONSE}; a person's reply up to 7 days after it carries the {@code HUMAN_AGENT} tag; later nothing may be
 * sent. A private reply to a comment is allowed within 7 days of the comment. A survey is no person's answer, and
 * Meta's message tags exclude survey prompts, so it goes out within the 24 hours only.
 *
 * @param messagingType the Send API's {@code messaging_type}
 * @param tag           the message tag, null for a response
 */
record MessagingWindow(String messagingType, String tag) {

    static final Duration STANDARD = Duration.ofHours(24);
    static final Duration HUMAN_AGENT = Duration.ofDays(7);

    static MessagingWindow of(Instant customersLastMessage, Instant now) {
        if (customersLastMessage == null || customersLastMessage.plus(STANDARD).isAfter(now)) {
            return new MessagingWindow("RESPONSE", null);
        }
        requireOpen(customersLastMessage, now, "the 7-day human agent window");
        return new MessagingWindow("MESSAGE_TAG", "HUMAN_AGENT");
    }

    /** A survey: a {@code RESPONSE} within 24 hours of the customer's last message, else the refusal. */
    static MessagingWindow forSurvey(Instant customersLastMessage, Instant now) {
        if (customersLastMessage != null && !customersLastMessage.plus(STANDARD).isAfter(now)) {
            throw ProviderException.undeliverable("window closed: a survey may only be sent within 24 hours of the "
                    + "customer's last message (Meta's message tags exclude surveys); that ended at "
                    + customersLastMessage.plus(STANDARD));
        }
        return new MessagingWindow("RESPONSE", null);
    }

    /** Throws the non-retryable refusal once {@code since} is more than 7 days ago. */
    static void requireOpen(Instant since, Instant now, String window) {
        if (since != null && !since.plus(HUMAN_AGENT).isAfter(now)) {
            throw ProviderException.undeliverable("window closed: " + window + " ended at " + since.plus(HUMAN_AGENT)
                    + "; Meta accepts no message to this customer until they write again");
        }
    }
}
