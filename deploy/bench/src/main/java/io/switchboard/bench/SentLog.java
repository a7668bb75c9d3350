package io.switchboard.bench;

import io.switchboard.contracts.Channel;
import io.switchboard.runtime.gateway.SignedWebhook;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The steady load's webhooks and when each was handed to the driver: to tell what happened to them per phase. */
final class SentLog implements Supplier<SignedWebhook> {

    /**
     * Webhooks sent in a period: how many got a 2xx, no answer (connection refused or cut) or a 5xx, and how many
     * of the accepted the work-service never stored.
     */
    record Tally(long sent, long accepted, long unanswered, long serverErrors, long lost) {
    }

    private final Supplier<SignedWebhook> traffic;
    private record Sent(Instant at, Channel channel) {
    }

    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    SentLog(Supplier<SignedWebhook> traffic) {
        this.traffic = traffic;
    }

    @Override
    public SignedWebhook get() {
        SignedWebhook webhook = traffic.get();
        sent.put(webhook.contactId(), new Sent(Instant.now(), webhook.channel()));
        return webhook;
    }

    Tally tally(Instant from, Instant to, LoadDriver driver, Set<String> lost) {
        return tally(from, to, channel -> true, driver, lost);
    }

    /** The webhooks of the channels {@code of} accepts, sent in a period. */
    Tally tally(Instant from, Instant to, Predicate<Channel> of, LoadDriver driver, Set<String> lost) {
        long count = 0;
        long accepted = 0;
        long unanswered = 0;
        long serverErrors = 0;
        long lostInPeriod = 0;
        for (Map.Entry<String, Sent> webhook : sent.entrySet()) {
            Instant at = webhook.getValue().at();
            if (!at.isBefore(from) && at.isBefore(to) && of.test(webhook.getValue().channel())) {
                int status = Objects.requireNonNullElse(driver.answer(webhook.getKey()), 0);
                count++;
                accepted += status / 100 == 2 ? 1 : 0;
                unanswered += status == -1 ? 1 : 0;
                serverErrors += status / 100 == 5 ? 1 : 0;
                lostInPeriod += lost.contains(webhook.getKey()) ? 1 : 0;
            }
        }
        return new Tally(count, accepted, unanswered, serverErrors, lostInPeriod);
    }
}
