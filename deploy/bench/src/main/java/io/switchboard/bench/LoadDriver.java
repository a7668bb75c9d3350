package io.switchboard.bench;

import io.switchboard.runtime.gateway.SignedWebhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Posts signed webhooks at a fixed rate (open loop: a slow system does not slow the senders down, so queueing shows
 * up as latency) or as fast as {@code maxInFlight} concurrent requests allow. It remembers when each contact was
 * sent, by contact id, and which were accepted.
 */
final class LoadDriver {

    /** @param failuresByStatus answers other than 2xx, by status; -1 counts requests that got no answer */
    record Result(long sent, long accepted, Map<Integer, Long> failuresByStatus, double seconds, Latencies webhookLatency) {
        double acceptedPerSecond() {
            return accepted / seconds;
        }

        long rejected() {
            return failuresByStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final HttpClient client;
    private final Function<String, String> serviceUrl;
    // Recorded before sending: a fast pipeline may queue a contact before its 2xx has been read.
    private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();

    LoadDriver(HttpClient client, Function<String, String> serviceUrl) {
        this.client = client;
        this.serviceUrl = serviceUrl;
    }

    /** When the webhook of a contact was sent, or null if this driver did not send it. */
    Instant sentAt(String contactId) {
        return sentAt.get(contactId);
    }

    /** The last answer to the webhook of a contact: its status, -1 for none, or null while it is pending. */
    Integer answer(String contactId) {
        return answers.get(contactId);
    }

    /** The contacts whose webhook got a 2xx. */
    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    /**
     * Sends for {@code duration}. When {@code untilQueued} is given, each webhook first takes one of its permits,
     * which the webhook's contact gives back once queued (whoever watches the pipeline releases it) or a refusal at
     * once: the load then goes only as fast as the whole pipeline queues.
     *
     * @param ratePerSecond webhooks per second, or 0 for as fast as {@code maxInFlight} (and {@code untilQueued})
     *                      allow
     */
    Result run(Supplier<SignedWebhook> traffic, double ratePerSecond, Duration duration, int maxInFlight,
            Semaphore untilQueued) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        return run(traffic, ratePerSecond, () -> System.nanoTime() < end, maxInFlight, untilQueued);
    }

    /** Sends while {@code keepGoing} holds. */
    Result run(Supplier<SignedWebhook> traffic, double ratePerSecond, BooleanSupplier keepGoing, int maxInFlight)
            throws InterruptedException {
        return run(traffic, ratePerSecond, keepGoing, maxInFlight, null);
    }

    private Result run(Supplier<SignedWebhook> traffic, double ratePerSecond, BooleanSupplier keepGoing,
            int maxInFlight, Semaphore untilQueued) throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong acceptedCount = new AtomicLong();
        Map<Integer, Long> failures = new ConcurrentHashMap<>();
        Latencies latency = new Latencies();
        long start = System.nanoTime();
        long sent = 0;
        while (keepGoing.getAsBoolean()) {
            if (ratePerSecond > 0) {
                long due = start + (long) (sent * 1e9 / ratePerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            if (untilQueued != null) {
                untilQueued.acquire();
            }
            inFlight.acquire();
            SignedWebhook webhook = traffic.get();
            sentAt.put(webhook.contactId(), Instant.now());
            long sentNanos = System.nanoTime();
            sent++;
            client.sendAsync(request(webhook), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                inFlight.release();
                int status = failure == null ? response.statusCode() : -1;
                answers.put(webhook.contactId(), status);
                if (status / 100 == 2) {
                    latency.recordNanos(System.nanoTime() - sentNanos);
                    accepted.add(webhook.contactId());
                    acceptedCount.incrementAndGet();
                } else {
                    failures.merge(status, 1L, Long::sum);
                    if (untilQueued != null) {
                        untilQueued.release();
                    }
                }
            });
        }
        inFlight.acquire(maxInFlight); // every answer is in
        inFlight.release(maxInFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(sent, acceptedCount.get(), Map.copyOf(failures), seconds, latency);
    }

    /** Sends one webhook and waits for the answer: its status, or -1 when the service did not answer. */
    int send(SignedWebhook webhook) {
        try {
            sentAt.put(webhook.contactId(), Instant.now());
            int status = client.send(request(webhook), HttpResponse.BodyHandlers.discarding()).statusCode();
            answers.put(webhook.contactId(), status);
            if (status / 100 == 2) {
                accepted.add(webhook.contactId());
            }
            return status;
        } catch (java.io.IOException e) {
            answers.put(webhook.contactId(), -1);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpRequest request(SignedWebhook webhook) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(serviceUrl.apply(webhook.service()) + webhook.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", webhook.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(webhook.body()));
        webhook.headers().forEach(builder::header);
        return builder.build();
    }
}
