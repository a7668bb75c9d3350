package io.switchboard.runtime.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka and PostgreSQL in containers, used where a Docker engine is reachable. An outage is a paused container,
 * so the mapped ports stay the same when it comes back.
 */
final class ContainerInfrastructure implements TestInfrastructure {

    private final KafkaContainer kafka;
    private final PostgreSQLContainer<?> postgres;

    ContainerInfrastructure(boolean withPostgres, String database) {
        kafka = new KafkaContainer("apache/kafka:4.1.1");
        kafka.start();
        if (withPostgres) {
            postgres = new PostgreSQLContainer<>("postgres:17").withDatabaseName(database);
            postgres.start();
        } else {
            postgres = null;
        }
    }

    /** True when a Docker engine answers; checked only where a socket or DOCKER_HOST suggests one. */
    static boolean dockerReachable() {
        boolean hinted = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        try {
            return hinted && DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String description() {
        return "Testcontainers: Kafka at " + kafka.getBootstrapServers()
                + (postgres == null ? "" : ", PostgreSQL at " + postgres.getJdbcUrl());
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public void stopBroker() {
        kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void startBroker() {
        kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void stopDatabase() {
        postgres.getDockerClient().pauseContainerCmd(postgres.getContainerId()).exec();
    }

    @Override
    public void startDatabase() {
        postgres.getDockerClient().unpauseContainerCmd(postgres.getContainerId()).exec();
    }

    @Override
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.getBootstrapServers());
        if (postgres != null) {
            config.put("quarkus.datasource.reactive.url", postgres.getJdbcUrl().substring("jdbc:".length()));
            config.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl());
            config.put("quarkus.datasource.username", postgres.getUsername());
            config.put("quarkus.datasource.password", postgres.getPassword());
        }
        return config;
    }

    @Override
    public void close() {
        kafka.stop();
        if (postgres != null) {
            postgres.stop();
        }
    }
}
