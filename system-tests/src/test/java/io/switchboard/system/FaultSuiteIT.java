package io.switchboard.system;

import io.switchboard.bench.ChaosRun;
import io.switchboard.runtime.ServiceSpec;
import io.switchboard.runtime.SwitchboardStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short form of {@code deploy/bench/chaos}: under steady load of all five channels, kill -9 and restart the
 * broker, PostgreSQL, the routing engine and the work-service in turn; every accepted webhook must end up in
 * exactly one work item, and fuzzed deliveries to every webhook endpoint are refused without creating a contact.
 */
class FaultSuiteIT {

    @Test
    void nothingIsLostOrDuplicatedWhenPartsOfTheSystemCrash() throws Exception {
        try (SwitchboardStack stack = SystemStack.start(ServiceSpec.ALL.stream().map(ServiceSpec::name).toList())) {
            ChaosRun chaos = new ChaosRun(stack, new ChaosRun.Options(7, 25, Duration.ofSeconds(4), Duration.ofSeconds(3)));
            ChaosRun.Outcome outcome = chaos.run();
            String report = chaos.markdown(outcome);
            System.out.println(report);
            assertThat(outcome.clean()).as(report).isTrue();
        }
    }
}
