package io.switchboard.ops.metrics;

/**
 * The agents' replies of one scope over one period, by the {@code REPLY_*} steps the work-service published on
 * contacts.lifecycle (docs/metrics.md, "replies"); connections of callers and store visitors ({@code CONNECT}) are
 * not replies and not counted. A message counts once in each state the work-service published a
 * step for: one the provider accepted and later reported undeliverable is sent and failed.
 *
 * @param requested   replies the agents asked for (handed to the channel's adapter)
 * @param sent        accepted by the provider
 * @param delivered   reported delivered by the provider
 * @param read        reported read by the customer
 * @param failed      refused by the provider or reported undeliverable, after the adapter's retries
 * @param unconfirmed the adapter stopped while sending: not known whether they left, not sent again
 * @param failureRate failed ÷ (sent + failed); null when neither happened
 */
public record ReplyFigures(
        long requested,
        long sent,
        long delivered,
        long read,
        long failed,
        long unconfirmed,
        Double failureRate) {

    /** Sent or failed: the outcomes the failure rate is a share of. */
    public long attempts() {
        return sent + failed;
    }
}
