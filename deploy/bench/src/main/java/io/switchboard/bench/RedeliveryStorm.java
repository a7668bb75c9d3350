package io.switchboard.bench;

import io.switchboard.runtime.gateway.SignedWebhook;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Gateways redeliver when an answer is slow or lost, sometimes while the first delivery is still being handled:
 * every webhook of the storm is sent two to five times, the copies back to back with nothing awaited in between,
 * so they are in flight together. Each must still become one contact in one work item.
 */
final class RedeliveryStorm {

    record Result(int webhooks, int deliveries, LoadDriver.Result load) {
        @Override
        public String toString() {
            return "%d webhooks delivered %d times in all, 2–5 copies each sent together".formatted(webhooks, deliveries);
        }
    }

    private static final int IN_FLIGHT = 16;

    private final LoadDriver driver;
    private final Random random;

    RedeliveryStorm(LoadDriver driver, long seed) {
        this.driver = driver;
        this.random = new Random(seed);
    }

    Result run(Supplier<SignedWebhook> traffic, int webhooks) throws InterruptedException {
        List<SignedWebhook> deliveries = new ArrayList<>();
        for (int i = 0; i < webhooks; i++) {
            SignedWebhook webhook = traffic.get();
            for (int copies = 2 + random.nextInt(4); copies > 0; copies--) {
                deliveries.add(webhook);
            }
        }
        Iterator<SignedWebhook> next = deliveries.iterator();
        // Rate 0: as fast as the in-flight limit allows, so the copies of one webhook overlap.
        LoadDriver.Result load = driver.run(next::next, 0, next::hasNext, IN_FLIGHT);
        return new Result(webhooks, deliveries.size(), load);
    }
}
