package io.switchboard.runtime.test;

import java.util.Map;

/**
 * The real Kafka broker and PostgreSQL server a test runs against, with the means to take either down and bring
 * it back (to test that nothing is acknowledged or lost during an outage).
 */
public interface TestInfrastructure extends AutoCloseable {

    /** Which implementation runs, for the test log. */
    String description();

    String bootstrapServers();

    void stopBroker();

    void startBroker();

    void stopDatabase();

    void startDatabase();

    /** Quarkus configuration that points an application at this infrastructure. */
    Map<String, String> quarkusConfig();

    @Override
    void close();
}
