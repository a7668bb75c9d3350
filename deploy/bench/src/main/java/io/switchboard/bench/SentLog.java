package io.switchboard.bench;

import io.switchboard.runtime.gateway.SignedWebhook;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The steady load's webhooks and when each was handed to the driver: to tell what happened to them per phase. */
final class SentLog implements Supplier<SignedWebhook> {

    /** Webhooks sent in a period: how many got a 2xx, and how many of those the work-service never stored. */
    record Tally(long sent, long accepted, long lost) {
        long notAccepted() {
            return sent - accepted;
        }
    }

    private final Supplier<SignedWebhook> traffic;
    private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();

    SentLog(Supplier<SignedWebhook> traffic) {
        this.traffic = traffic;
    }

    @Override
    public SignedWebhook get() {
        SignedWebhook webhook = traffic.get();
        sentAt.put(webhook.contactId(), Instant.now());
        return webhook;
    }

    Tally tally(Instant from, Instant to, Set<String> accepted, Set<String> lost) {
        long sent = 0;
        long acceptedInPeriod = 0;
        long lostInPeriod = 0;
        for (Map.Entry<String, Instant> webhook : sentAt.entrySet()) {
            if (!webhook.getValue().isBefore(from) && webhook.getValue().isBefore(to)) {
                sent++;
                acceptedInPeriod += accepted.contains(webhook.getKey()) ? 1 : 0;
                lostInPeriod += lost.contains(webhook.getKey()) ? 1 : 0;
            }
        }
        return new Tally(sent, acceptedInPeriod, lostInPeriod);
    }
}
