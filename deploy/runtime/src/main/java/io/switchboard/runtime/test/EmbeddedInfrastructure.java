package io.switchboard.runtime.test;

import io.switchboard.runtime.KafkaNode;
import io.switchboard.runtime.Ports;
import io.switchboard.runtime.PostgresNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Kafka's own KRaft broker in this JVM and an embedded PostgreSQL server process, both on free loopback ports,
 * with their data under a folder in target/ that is removed on close.
 */
final class EmbeddedInfrastructure implements TestInfrastructure {

    private final Path root;
    private final KafkaNode kafka;
    private final PostgresNode postgres;
    private final String database;

    EmbeddedInfrastructure(Path root, boolean withPostgres, String database) {
        this.root = root;
        this.database = database;
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        this.kafka = new KafkaNode(root.resolve("kafka"), Ports.free(), Ports.free(), clusterId).start();
        this.postgres = withPostgres ? PostgresNode.embedded(root.resolve("pg"), Ports.free()).start() : null;
        if (postgres != null) {
            postgres.createDatabase(database);
        }
    }

    static EmbeddedInfrastructure underTarget(boolean withPostgres, String database) {
        try {
            Path root = Files.createDirectories(Path.of("target", "infra", UUID.randomUUID().toString()))
                    .toAbsolutePath();
            return new EmbeddedInfrastructure(root, withPostgres, database);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String description() {
        return "Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion() + " KRaft broker in-JVM on "
                + kafka.bootstrapServers() + (postgres == null ? "" : ", embedded PostgreSQL at " + postgres.jdbcUrl(database));
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void stopBroker() {
        kafka.stop();
    }

    @Override
    public void startBroker() {
        kafka.start();
    }

    @Override
    public void stopDatabase() {
        requirePostgres().stop();
    }

    @Override
    public void startDatabase() {
        requirePostgres().start();
    }

    private PostgresNode requirePostgres() {
        if (postgres == null) {
            throw new IllegalStateException("this test resource was started without PostgreSQL");
        }
        return postgres;
    }

    @Override
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        if (postgres != null) {
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", postgres.user());
            config.put("quarkus.datasource.password", postgres.password());
        }
        return config;
    }

    @Override
    public void close() {
        kafka.stop();
        if (postgres != null) {
            postgres.stop();
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left-over test data under target/ is removed by the next clean build.
        }
    }
}
