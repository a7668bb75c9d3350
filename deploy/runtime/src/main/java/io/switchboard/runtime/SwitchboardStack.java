package io.switchboard.runtime;

import io.switchboard.contracts.Topics;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.WebhookSecrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: a KRaft Kafka broker as its own process, PostgreSQL (embedded binaries or an
 * existing server), the topics, the JWT key pair, and the packaged services as processes on their ports. The
 * local run and the system tests both start it through this class, so what is tested is what is run.
 */
public final class SwitchboardStack implements AutoCloseable {

    public static final String DATABASE = "switchboard";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final Builder options;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private ChildProcess kafka;
    private PostgresNode postgres;
    private JwtKeys keys;

    private SwitchboardStack(Builder options) {
        this.options = options;
    }

    public static Builder builder(Path repositoryRoot, Path stateDir) {
        return new Builder(repositoryRoot, stateDir);
    }

    /** Starts everything and returns once every service is ready; stops what it started if anything fails. */
    public SwitchboardStack start() {
        try {
            Files.createDirectories(options.stateDir);
            keys = JwtKeys.in(options.stateDir.resolve("jwt"));
            startKafka();
            startPostgres();
            for (String name : options.services) {
                ServiceSpec spec = ServiceSpec.named(name);
                for (int instance = 1; instance <= options.instances.getOrDefault(name, 1); instance++) {
                    String instanceName = instance == 1 ? name : name + "-" + instance;
                    ports.put(instanceName, options.freePorts || instance > 1 ? Ports.free() : spec.defaultPort());
                    services.put(instanceName, serviceProcess(spec, instanceName).start());
                }
            }
            for (Map.Entry<String, ChildProcess> service : services.entrySet()) {
                String health = url(service.getKey()) + "/q/health/ready";
                service.getValue().awaitReady(() -> ChildProcess.answers200(health), START_TIMEOUT);
            }
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startKafka() {
        int port = options.freePorts ? Ports.free() : options.kafkaPort;
        int controllerPort = options.freePorts ? Ports.free() : options.kafkaPort + 1;
        if (Ports.listening(port)) {
            throw new IllegalStateException("port " + port + " is in use: is another Kafka or Switchboard running?");
        }
        ports.put("kafka", port);
        List<String> command = ChildProcess.java("512m",
                List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-cp", System.getProperty("java.class.path")),
                List.of(KafkaBrokerMain.class.getName(), String.valueOf(port), String.valueOf(controllerPort),
                        options.stateDir.resolve("kafka").toString(), clusterId()));
        kafka = new ChildProcess("kafka", command, Map.of(), logFile("kafka")).start();
        kafka.awaitReady(() -> Ports.listening(port), START_TIMEOUT);
        KafkaNode.createTopics(bootstrapServers(), Topics.ALL, options.partitions);
    }

    private void startPostgres() {
        if (options.services.stream().noneMatch(name -> ServiceSpec.named(name).usesDatabase())) {
            return;
        }
        postgres = options.externalPgUrl != null
                ? PostgresNode.external(options.externalPgUrl, options.externalPgUser, options.externalPgPassword)
                : PostgresNode.embedded(options.stateDir.resolve("pg"), options.freePorts ? Ports.free() : options.pgPort);
        postgres.start();
        postgres.createDatabase(DATABASE);
    }

    private ChildProcess serviceProcess(ServiceSpec spec, String instanceName) {
        Path runner = spec.runner(options.repositoryRoot);
        if (!Files.exists(runner)) {
            throw new IllegalStateException(runner + " is missing: build first (./mvnw -B install -DskipTests)");
        }
        List<String> properties = new ArrayList<>();
        if (spec.c1Only()) {
            properties.add("-XX:TieredStopAtLevel=1");
        }
        // Loopback only, like the broker and the database: a local run is not reachable from the network.
        properties.add("-Dquarkus.http.host=127.0.0.1");
        properties.add("-Dquarkus.http.port=" + ports.get(instanceName));
        properties.add("-Dkafka.bootstrap.servers=" + bootstrapServers());
        if (spec.usesDatabase()) {
            properties.add("-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(DATABASE));
            properties.add("-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(DATABASE));
            properties.add("-Dquarkus.datasource.username=" + postgres.user());
            properties.add("-Dquarkus.datasource.password=" + postgres.password());
        }
        properties.add("-Dmp.jwt.verify.publickey.location=" + keys.publicKeyFile().toUri());
        properties.add("-Dmp.jwt.verify.issuer=" + JwtKeys.ISSUER);
        properties.add("-Dmp.jwt.verify.audiences=" + JwtKeys.AUDIENCE);
        // Traces go to an OTLP collector when one is named; otherwise the exporter would log a failure per batch.
        String collector = options.environment.getOrDefault("SWITCHBOARD_OTLP_ENDPOINT", System.getenv("SWITCHBOARD_OTLP_ENDPOINT"));
        properties.add(collector == null ? "-Dquarkus.otel.sdk.disabled=true" : "-Dquarkus.otel.exporter.otlp.endpoint=" + collector);
        List<String> command = ChildProcess.java(options.serviceHeap, properties, List.of("-jar", runner.toString()));
        // The stack's secrets replace any SWITCHBOARD_* secret this JVM inherited: otherwise the adapters would
        // verify with those while gateways() signs with the stack's, and every webhook would be refused.
        Map<String, String> environment = new HashMap<>(options.environment);
        environment.putAll(options.webhookSecrets.asEnvironment());
        return new ChildProcess(instanceName, command, environment, logFile(instanceName));
    }

    private String clusterId() {
        Path file = options.stateDir.resolve("kafka-cluster-id");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, org.apache.kafka.common.Uuid.randomUuid().toString());
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path logFile(String name) {
        return options.stateDir.resolve("logs").resolve(name + ".log");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + ports.get("kafka");
    }

    public int port(String service) {
        return ports.get(service);
    }

    public String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    public JwtKeys keys() {
        return keys;
    }

    /** The secrets the adapters verify webhooks with. */
    public WebhookSecrets webhookSecrets() {
        return options.webhookSecrets;
    }

    /** Gateways that sign as this stack's adapters verify, addressing its services. */
    public Gateways gateways() {
        return new Gateways(this::url, options.webhookSecrets);
    }

    public PostgresNode postgres() {
        return postgres;
    }

    /** The broker process, to stop or kill in fault tests. */
    public ChildProcess kafka() {
        return kafka;
    }

    /** A service process, to stop or kill in fault tests. */
    public ChildProcess service(String name) {
        return services.get(name);
    }

    public Map<String, ChildProcess> services() {
        return Map.copyOf(services);
    }

    /** Restarts a stopped or killed broker and waits until it listens again. */
    public void restartKafka() {
        int port = ports.get("kafka");
        kafka.start().awaitReady(() -> Ports.listening(port), START_TIMEOUT);
    }

    /** Restarts a stopped or killed service and waits until it is ready again. */
    public void restart(String name) {
        ChildProcess process = services.get(name).start();
        String health = url(name) + "/q/health/ready";
        process.awaitReady(() -> ChildProcess.answers200(health), START_TIMEOUT);
    }

    /** Stops services first (so they commit what they did), then the broker and the database. */
    @Override
    public void close() {
        List<ChildProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().forEach(process -> process.stop(Duration.ofSeconds(20)));
        if (kafka != null) {
            kafka.stop(Duration.ofSeconds(30));
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    /** How to start the stack; defaults are the local run's (docs/architecture.md §4 ports). */
    public static final class Builder {
        private final Path repositoryRoot;
        private final Path stateDir;
        private List<String> services = ServiceSpec.ALL.stream().map(ServiceSpec::name).toList();
        private boolean freePorts;
        private int kafkaPort = 9092;
        private int pgPort = 55432;
        private int partitions = 6;
        private String serviceHeap = "256m";
        private WebhookSecrets webhookSecrets = WebhookSecrets.LOCAL;
        private String externalPgUrl;
        private String externalPgUser;
        private String externalPgPassword;
        private final Map<String, String> environment = new HashMap<>();
        private final Map<String, Integer> instances = new HashMap<>();

        private Builder(Path repositoryRoot, Path stateDir) {
            this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
            this.stateDir = stateDir.toAbsolutePath().normalize();
        }

        public Builder services(List<String> names) {
            names.forEach(ServiceSpec::named);
            this.services = List.copyOf(names);
            return this;
        }

        /** Every port picked free (tests), instead of the fixed local ports. */
        public Builder freePorts() {
            this.freePorts = true;
            return this;
        }

        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        public Builder serviceHeap(String heap) {
            this.serviceHeap = heap;
            return this;
        }

        /** Use an existing PostgreSQL server instead of the embedded one. */
        public Builder externalPostgres(String jdbcUrl, String user, String password) {
            this.externalPgUrl = jdbcUrl;
            this.externalPgUser = user;
            this.externalPgPassword = password;
            return this;
        }

        /** The secrets the adapters verify with, whatever this JVM's environment says; the local defaults unless set. */
        public Builder webhookSecrets(WebhookSecrets secrets) {
            this.webhookSecrets = secrets;
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Runs {@code count} instances of a service: the first is named as the service, then {@code <name>-2}, ... */
        public Builder instances(String service, int count) {
            ServiceSpec.named(service);
            instances.put(service, count);
            return this;
        }

        public SwitchboardStack build() {
            return new SwitchboardStack(this);
        }
    }
}
