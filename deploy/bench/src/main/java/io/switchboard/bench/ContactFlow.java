package io.switchboard.bench;

import io.switchboard.contracts.Channel;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SignedWebhook;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * Whether contacts flow through the whole system: a new contact of every channel is accepted and stored by the
 * work-service. Every channel, so that an adapter's outage lasts until its own channel flows again.
 */
final class ContactFlow {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final LoadDriver driver;
    private final Reconciliation reconciliation;
    private final Gateways gateways;
    private final String runId;
    private long probes;

    ContactFlow(LoadDriver driver, Reconciliation reconciliation, Gateways gateways, String runId) {
        this.driver = driver;
        this.reconciliation = reconciliation;
        this.gateways = gateways;
        this.runId = runId;
    }

    /** How long until contacts flowed; fails the run when they do not within 3 minutes. */
    Duration await() throws SQLException, InterruptedException {
        long start = System.nanoTime();
        for (Channel channel : Channel.values()) {
            while (!probe(channel)) {
                if (System.nanoTime() - start > PATIENCE.toNanos()) {
                    throw new IllegalStateException(channel + " contacts did not flow again within " + PATIENCE);
                }
                Thread.sleep(250);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private boolean probe(Channel channel) throws SQLException, InterruptedException {
        probes++;
        SignedWebhook probe = gateways.contact(channel, "probe-" + runId + "-" + probes, "3161" + (1_000_000 + probes),
                "Probe", "Hoe laat zijn jullie open?");
        if (driver.send(probe) / 100 != 2) {
            return false;
        }
        long storedBy = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < storedBy) {
            if (!reconciliation.stored(Set.of(probe.contactId())).isEmpty()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
