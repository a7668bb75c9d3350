package io.switchboard.adapter.core.testing;

import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @QuarkusTest} on the real broker of the {@code SwitchboardTestResource}: a connection of its own for each
 * test, and the outbound loop's topics through it.
 */
public abstract class BrokerTest {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    @InjectInfrastructure
    protected TestInfrastructure infrastructure;

    protected KafkaCompanion kafka;
    protected OutboundTopic outbound;

    @BeforeEach
    void connectToBroker() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        outbound = new OutboundTopic(kafka);
    }

    @AfterEach
    void closeBrokerConnection() {
        kafka.close();
    }

    /** Ends a test that stopped the broker: the tests after it share the adapter and its broker, and need it ready. */
    protected static void awaitReadyAgain() throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        int ready = RestAssured.get("/q/health/ready").statusCode();
        while (ready != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            ready = RestAssured.get("/q/health/ready").statusCode();
        }
        assertThat(ready).as("ready again after the outage").isEqualTo(200);
    }
}
