package io.switchboard.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose cannot run here (no Docker engine), so it is checked statically: it parses, and it names the same
 * images, ports, environment variables and topics as the services' configuration and the contract.
 */
class ComposeFileTest {

    private static JsonNode compose;

    @BeforeAll
    static void parse() throws Exception {
        compose = Manifests.YAML.readTree(Repository.read("deploy/compose/compose.yaml"));
    }

    private static JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isObject()).as("compose service %s", name).isTrue();
        return service;
    }

    @Test
    void runsEveryServiceFromItsImageOnItsPort() {
        for (SwitchboardService service : SwitchboardService.ALL) {
            JsonNode container = service(service.name());
            assertThat(container.path("image").asText()).isEqualTo(service.image());
            int port = service.httpPort();
            assertThat(container.path("ports")).extracting(JsonNode::asText).as("ports of %s", service.name())
                    .containsExactly(port + ":" + port);
        }
    }

    @Test
    void setsEveryEnvironmentVariableTheServicesRead() {
        for (SwitchboardService service : SwitchboardService.ALL) {
            JsonNode environment = service(service.name()).path("environment");
            Set<String> names = new HashSet<>();
            environment.fieldNames().forEachRemaining(names::add);
            assertThat(names).as("environment of %s", service.name())
                    .containsAll(service.environmentVariables()).contains("KAFKA_BOOTSTRAP_SERVERS", "JAVA_OPTS_APPEND");
            assertThat(environment.path("JAVA_OPTS_APPEND").asText()).matches(".*-Xmx\\d+m\\b.*")
                    .contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        }
    }

    @Test
    void servicesReachKafkaOnItsAdvertisedInternalListener() {
        String advertised = service("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
        for (SwitchboardService service : SwitchboardService.ALL) {
            String bootstrap = service(service.name()).path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText();
            assertThat(advertised).as("listener %s used by %s", bootstrap, service.name()).contains("//" + bootstrap);
            assertThat(service(service.name()).path("depends_on").path("kafka-init").path("condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void publishesKafkaAndPostgresOnLoopbackOnly() {
        // Both run without authentication worth the name here (plaintext Kafka, a well-known password).
        for (String infrastructure : List.of("kafka", "postgres")) {
            assertThat(service(infrastructure).path("ports")).as("ports of %s", infrastructure).isNotEmpty()
                    .extracting(JsonNode::asText).allMatch(port -> port.startsWith("127.0.0.1:"));
        }
    }

    @Test
    void createsTheContractTopics() {
        String script = service("kafka-init").path("command").toString();
        Matcher topic = Pattern.compile("--topic (\\S+)").matcher(script);
        Set<String> created = new HashSet<>();
        while (topic.find()) {
            created.add(topic.group(1));
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void workServiceUsesTheComposeDatabase() {
        JsonNode environment = service("work-service").path("environment");
        JsonNode postgres = service("postgres").path("environment");
        String database = postgres.path("POSTGRES_DB").asText();
        assertThat(environment.path("SWITCHBOARD_PG_URL").asText()).isEqualTo("postgresql://postgres:5432/" + database);
        assertThat(environment.path("SWITCHBOARD_PG_USER").asText()).isEqualTo(postgres.path("POSTGRES_USER").asText());
        assertThat(service("work-service").path("depends_on").path("postgres").path("condition").asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void prometheusScrapesEveryService() throws Exception {
        JsonNode prometheus = Manifests.YAML.readTree(Repository.read("deploy/compose/prometheus.yml"));
        JsonNode job = prometheus.path("scrape_configs").get(0);
        assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
        assertThat(job.path("static_configs").get(0).path("targets")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(SwitchboardService.ALL.stream()
                        .map(service -> service.name() + ":" + service.httpPort()).toList());
        assertThat(service("prometheus").path("volumes")).extracting(JsonNode::asText)
                .anyMatch(volume -> volume.startsWith("./prometheus.yml:"));
        assertThat(service("grafana").isObject()).isTrue();
    }
}
