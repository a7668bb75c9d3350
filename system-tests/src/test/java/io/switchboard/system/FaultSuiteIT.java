package io.switchboard.system;

import io.switchboard.bench.ChaosRun;
import io.switchboard.runtime.ServiceSpec;
import io.switchboard.runtime.SwitchboardStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short form of {@code deploy/bench/chaos} (docs/faults.md): under steady load of all five channels, kill -9
 * and restart the broker, PostgreSQL, the routing engine, the work-service, an adapter and the ops-service, each
 * checked to have happened; a redelivery storm; a rolling SIGTERM restart of every service; garbage on every topic
 * a service reads. Every accepted webhook must end up in exactly one work item, every steady phase must accept most
 * of its load, and fuzzed deliveries to every webhook endpoint get what the rule "signed means kept" says.
 */
class FaultSuiteIT {

    @Test
    void nothingIsLostOrDuplicatedWhenPartsOfTheSystemFail() throws Exception {
        try (SwitchboardStack stack = SystemStack.start(ServiceSpec.ALL.stream().map(ServiceSpec::name).toList())) {
            // 2-3 s outages keep the suite within a few minutes of ./mvnw verify.
            ChaosRun chaos = new ChaosRun(stack, new ChaosRun.Options(7, 25, Duration.ofSeconds(3), Duration.ofSeconds(2)));
            ChaosRun.Outcome outcome = chaos.run();
            String report = chaos.markdown(outcome);
            System.out.println(report);
            assertThat(outcome.faults()).as(report).hasSize(6 + 1 + ServiceSpec.ALL.size() + 1);
            assertThat(outcome.clean()).as(report).isTrue();
        }
    }
}
