package io.switchboard.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.contracts.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.switchboard.k8s.Manifests.container;
import static io.switchboard.k8s.Manifests.name;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka in the cluster is closed: one TLS listener with SCRAM-SHA-512, every service connects as a user of its own
 * whose ACLs are exactly the topics and groups its application.properties uses, and KEDA reads lag as a user that
 * can read no record.
 */
class KafkaAccessTest {

    private static final String KEDA_USER = "keda-lag-reader";

    private static JsonNode kafka(Manifests manifests) {
        List<JsonNode> kafkas = manifests.ofKind("Kafka");
        assertThat(kafkas).hasSize(1);
        return kafkas.get(0);
    }

    private static String clusterCaSecret(Manifests manifests) {
        return name(kafka(manifests)) + "-cluster-ca-cert";
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theOnlyListenerIsTlsWithScramAndAuthorizationIsOn(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        JsonNode kafka = kafka(manifests).path("spec");
        JsonNode listeners = kafka.path("kafka").path("listeners");
        assertThat(listeners).hasSize(1).allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).as("listener %s encrypts", listener.path("name")).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).as("listener %s authenticates",
                    listener.path("name")).isEqualTo("scram-sha-512");
            // Strimzi opens a listener to every pod unless peers are given.
            assertThat(listener.path("networkPolicyPeers")).as("peers admitted to listener %s", listener.path("name"))
                    .isNotEmpty();
        });
        assertThat(kafka.path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("kafka").path("authorization").has("superUsers")).isFalse();
        assertThat(kafka.path("entityOperator").has("userOperator")).as("the User Operator manages the KafkaUsers").isTrue();

        Map<String, JsonNode> config = fields(manifests.get("ConfigMap", "switchboard-config").path("data"));
        assertThat(config.get("KAFKA_BOOTSTRAP_SERVERS").asText())
                .isEqualTo(name(kafka(manifests)) + "-kafka-bootstrap:" + listeners.get(0).path("port").asInt());
        assertThat(config.get("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_SSL");
        assertThat(config.get("KAFKA_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");
        assertThat(config.get("KAFKA_SSL_TRUSTSTORE_TYPE").asText()).isEqualTo("PEM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceConnectsAsItsOwnUserAndTrustsTheClusterCa(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Set<String> users = userNames(manifests);
        for (SwitchboardService service : SwitchboardService.ALL) {
            JsonNode container = container(manifests.get("Deployment", service.name()));
            assertThat(secretKeyRef(container, "KAFKA_SASL_JAAS_CONFIG")).as("SCRAM login of %s", service.name())
                    .isEqualTo(service.name() + "/sasl.jaas.config");
            assertThat(secretKeyRef(container, "KAFKA_SSL_TRUSTSTORE_CERTIFICATES")).as("trusted CA of %s", service.name())
                    .isEqualTo(clusterCaSecret(manifests) + "/ca.crt");
            JsonNode user = manifests.get("KafkaUser", service.name());
            assertThat(Manifests.labels(user)).containsEntry("strimzi.io/cluster", name(kafka(manifests)));
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            // No service takes another user's Secret, whatever the variable.
            for (JsonNode variable : container.path("env")) {
                String secret = variable.path("valueFrom").path("secretKeyRef").path("name").asText();
                if (users.contains(secret)) {
                    assertThat(secret).as("%s reads Secret %s", service.name(), secret).isEqualTo(service.name());
                }
            }
        }
        assertThat(users).as("a Kafka user per service and one for KEDA").containsExactlyInAnyOrderElementsOf(
                Stream.concat(SwitchboardService.ALL.stream().map(SwitchboardService::name), Stream.of(KEDA_USER)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyUsersAclsAreExactlyTheTopicsAndGroupsItsServiceUses(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (SwitchboardService service : SwitchboardService.ALL) {
            KafkaAccess needed = KafkaAccess.neededBy(service);
            assertThat(needed.permissions()).as("Kafka channels of %s", service.name()).isNotEmpty();
            assertThat(KafkaAccess.grantedTo(manifests.get("KafkaUser", service.name())).permissions())
                    .as("ACLs of %s against its application.properties", service.name())
                    .containsExactlyInAnyOrderElementsOf(needed.permissions());
        }
        for (JsonNode user : manifests.ofKind("KafkaUser")) {
            KafkaAccess granted = KafkaAccess.grantedTo(user);
            assertThat(granted.names("topic")).as("topics of %s", name(user)).isSubsetOf(Topics.ALL);
            assertThat(granted.permissions()).as("ACLs of %s", name(user)).allSatisfy(permission -> {
                assertThat(permission.resourceType()).isIn("topic", "group");
                assertThat(permission.operation()).isIn("Read", "Write", "Describe");
                assertThat(permission.name()).isNotBlank().isNotEqualTo("*");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kedaReadsLagOverTlsAsAUserThatCanOnlyDescribe(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String bootstrap = manifests.get("ConfigMap", "switchboard-config").path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText();
        Set<KafkaAccess.Permission> scaledOn = new HashSet<>();
        for (JsonNode scaledObject : manifests.ofKind("ScaledObject")) {
            for (JsonNode trigger : scaledObject.path("spec").path("triggers")) {
                JsonNode metadata = trigger.path("metadata");
                assertThat(metadata.path("bootstrapServers").asText()).isEqualTo(bootstrap);
                assertThat(metadata.path("tls").asText()).as("TLS of %s's trigger", name(scaledObject)).isEqualTo("enable");
                assertThat(metadata.path("sasl").asText()).as("SASL of %s's trigger", name(scaledObject)).isEqualTo("scram_sha512");
                scaledOn.add(KafkaAccess.topic(metadata.path("topic").asText(), "Describe"));
                scaledOn.add(KafkaAccess.group(metadata.path("consumerGroup").asText(), "Describe"));

                JsonNode authentication = manifests.get("TriggerAuthentication",
                        trigger.path("authenticationRef").path("name").asText()).path("spec");
                JsonNode username = parameter(authentication.path("configMapTargetRef"), "username");
                assertThat(manifests.get("ConfigMap", username.path("name").asText()).path("data")
                        .path(username.path("key").asText()).asText()).isEqualTo(KEDA_USER);
                JsonNode password = parameter(authentication.path("secretTargetRef"), "password");
                assertThat(password.path("name").asText() + "/" + password.path("key").asText()).isEqualTo(KEDA_USER + "/password");
                JsonNode ca = parameter(authentication.path("secretTargetRef"), "ca");
                assertThat(ca.path("name").asText() + "/" + ca.path("key").asText()).isEqualTo(clusterCaSecret(manifests) + "/ca.crt");
            }
        }
        assertThat(KafkaAccess.grantedTo(manifests.get("KafkaUser", KEDA_USER)).permissions())
                .containsExactlyInAnyOrderElementsOf(scaledOn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theKafkaExporterReportsEveryContractTopic(String overlay) {
        Pattern topics = Pattern.compile(kafka(Manifests.render(overlay)).path("spec").path("kafkaExporter").path("topicRegex").asText());
        assertThat(Topics.ALL).allMatch(topic -> topics.matcher(topic).matches());
    }

    private static Set<String> userNames(Manifests manifests) {
        Set<String> names = new HashSet<>();
        manifests.ofKind("KafkaUser").forEach(user -> names.add(name(user)));
        return names;
    }

    /** "secret/key" of the container's variable, or "" when it is not taken from a Secret. */
    private static String secretKeyRef(JsonNode container, String variable) {
        for (JsonNode candidate : container.path("env")) {
            if (candidate.path("name").asText().equals(variable)) {
                JsonNode ref = candidate.path("valueFrom").path("secretKeyRef");
                return ref.isMissingNode() ? "" : ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        return "";
    }

    private static JsonNode parameter(JsonNode targetRefs, String parameter) {
        List<JsonNode> matching = StreamSupport.stream(targetRefs.spliterator(), false)
                .filter(ref -> ref.path("parameter").asText().equals(parameter)).toList();
        assertThat(matching).as("TriggerAuthentication parameter %s", parameter).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new HashMap<>();
        object.fields().forEachRemaining(entry -> fields.put(entry.getKey(), entry.getValue()));
        return fields;
    }
}
