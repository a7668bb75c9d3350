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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static io.switchboard.k8s.Manifests.container;
import static io.switchboard.k8s.Manifests.name;
import static io.switchboard.k8s.Manifests.podLabels;
import static io.switchboard.k8s.Manifests.selects;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every overlay with {@code kubectl kustomize} and checks the result against the services' own configuration
 * (ports, consumer groups, environment variables), the topic contract ({@link Topics#ALL}) and the documented secrets.
 */
class KustomizeOverlaysTest {

    private static final Set<String> NAMESPACED_EXCEPTIONS = Set.of("Namespace");
    private static final Map<String, String> WEBHOOK_ROUTES = Map.of(
            "/webhooks/twilio", "phone-adapter",
            "/webhooks/whatsapp", "whatsapp-adapter",
            "/webhooks/meta", "social-adapter",
            "/webhooks/x", "social-adapter",
            "/webhooks/shopify", "webshop-adapter",
            "/webhooks/woocommerce", "webshop-adapter",
            "/webhooks/webshop", "webshop-adapter",
            "/webhooks/store", "store-adapter",
            "/survey", "webshop-adapter");
    private static final Pattern HEAP = Pattern.compile("-Xmx(\\d+)m\\b");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsComplete(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String namespace = manifests.ofKind("Namespace").stream().map(Manifests::name).findFirst().orElseThrow();
        assertThat(manifests.objects).hasSizeGreaterThan(40).allSatisfy(object -> {
            assertThat(object.path("apiVersion").asText()).as("apiVersion of %s", object).isNotBlank();
            assertThat(object.path("kind").asText()).as("kind of %s", object).isNotBlank();
            assertThat(name(object)).as("metadata.name of %s", object).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            if (!NAMESPACED_EXCEPTIONS.contains(object.path("kind").asText())) {
                assertThat(object.path("metadata").path("namespace").asText()).as("namespace of %s", name(object))
                        .isEqualTo(namespace);
            }
        });
        assertThat(manifests.objects.stream().map(object -> object.path("kind").asText() + "/" + name(object)))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void customResourcesMatchTheirOperatorsSchemas(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (JsonNode object : manifests.objects) {
            var schema = CustomResourceSchemas.of(object);
            if (schema.isPresent()) {
                assertThat(CustomResourceSchemas.validate(schema.get(), object)).as("%s %s against its CRD schema",
                        object.path("kind").asText(), name(object)).isEmpty();
            } else {
                assertThat(CustomResourceSchemas.knowsGroupOf(object)).as("%s is a version of %s the CRDs serve",
                        object.path("apiVersion").asText(), object.path("kind").asText()).isFalse();
            }
        }
        assertThat(manifests.objects).filteredOn(object -> CustomResourceSchemas.of(object).isPresent())
                .extracting(object -> object.path("kind").asText())
                .contains("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "ScaledObject", "TriggerAuthentication",
                        "ServiceMonitor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void oneDeploymentPerServiceWithItsImageAndPort(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        assertThat(manifests.ofKind("Deployment")).extracting(Manifests::name)
                .containsExactlyInAnyOrderElementsOf(SwitchboardService.ALL.stream().map(SwitchboardService::name).toList());
        for (SwitchboardService service : SwitchboardService.ALL) {
            JsonNode deployment = manifests.get("Deployment", service.name());
            JsonNode container = container(deployment);
            assertThat(container.path("image").asText()).as("image of %s", service.name()).isEqualTo(service.image());
            assertThat(container.path("ports")).as("ports of %s", service.name()).hasSize(1);
            assertThat(container.path("ports").get(0).path("containerPort").asInt()).as("port of %s", service.name())
                    .isEqualTo(service.httpPort());
            assertThat(selects(deployment.path("spec").path("selector"), podLabels(deployment)))
                    .as("%s selects its own pods", service.name()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void containersHaveProbesResourcesAndAnExplicitHeap(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            JsonNode container = container(deployment);
            String service = name(deployment);
            assertProbe(container, "livenessProbe", "/q/health/live", service);
            assertProbe(container, "readinessProbe", "/q/health/ready", service);
            JsonNode resources = container.path("resources");
            assertThat(resources.path("requests").path("cpu").asText()).as("cpu request of %s", service).isNotBlank();
            assertThat(resources.path("requests").path("memory").asText()).as("memory request of %s", service).isNotBlank();
            String memoryLimit = resources.path("limits").path("memory").asText();
            assertThat(memoryLimit).as("memory limit of %s", service).matches("\\d+Mi");
            String javaOptions = manifests.environment(container).get("JAVA_OPTS_APPEND").path("value").asText();
            assertThat(javaOptions).as("JAVA_OPTS_APPEND of %s keeps the image's log manager", service)
                    .contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
            Matcher heap = HEAP.matcher(javaOptions);
            assertThat(heap.find()).as("explicit -Xmx in JAVA_OPTS_APPEND of %s: %s", service, javaOptions).isTrue();
            int limitMi = Integer.parseInt(memoryLimit.replace("Mi", ""));
            assertThat(Integer.parseInt(heap.group(1))).as("heap of %s leaves room below its %s limit", service, memoryLimit)
                    .isLessThanOrEqualTo(limitMi * 3 / 4);
        }
    }

    private static void assertProbe(JsonNode container, String probe, String path, String service) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        assertThat(httpGet.path("path").asText()).as("%s of %s", probe, service).isEqualTo(path);
        assertThat(Manifests.containerPort(container, httpGet.path("port"))).as("%s port of %s", probe, service).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesTargetTheirContainerPorts(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (SwitchboardService service : SwitchboardService.ALL) {
            JsonNode kubeService = manifests.get("Service", service.name());
            List<JsonNode> selected = manifests.ofKind("Deployment").stream()
                    .filter(deployment -> selects(kubeService.path("spec").path("selector"), podLabels(deployment))).toList();
            assertThat(selected).as("pods behind Service %s", service.name()).extracting(Manifests::name)
                    .containsExactly(service.name());
            for (JsonNode port : kubeService.path("spec").path("ports")) {
                assertThat(Manifests.containerPort(container(selected.get(0)), port.path("targetPort")))
                        .as("targetPort %s of Service %s", port.path("targetPort"), service.name())
                        .contains(service.httpPort());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressRoutesEveryWebhookPathToItsAdapter(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        assertThat(manifests.ofKind("Ingress")).hasSize(1);
        Map<String, String> routes = new HashMap<>();
        for (JsonNode rule : manifests.ofKind("Ingress").get(0).path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend").path("service");
                routes.put(path.path("path").asText(), backend.path("name").asText());
                assertThat(path.path("pathType").asText()).isEqualTo("Prefix");
                JsonNode service = manifests.get("Service", backend.path("name").asText());
                assertThat(service.path("spec").path("ports")).as("port %s of %s", backend.path("port"), name(service))
                        .anySatisfy(port -> assertThat(backend.path("port").has("name")
                                ? port.path("name").asText().equals(backend.path("port").path("name").asText())
                                : port.path("port").asInt() == backend.path("port").path("number").asInt()).isTrue());
            }
        }
        assertThat(routes).isEqualTo(WEBHOOK_ROUTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaTopicsAreTheContractTopics(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        List<JsonNode> kafkas = manifests.ofKind("Kafka");
        assertThat(kafkas).hasSize(1);
        String cluster = name(kafkas.get(0));
        List<JsonNode> topics = manifests.ofKind("KafkaTopic");
        assertThat(topics).extracting(topic -> topic.path("spec").path("topicName").asText())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        int brokers = nodes(manifests, "broker");
        int minInSync = kafkas.get(0).path("spec").path("kafka").path("config").path("min.insync.replicas").asInt();
        assertThat(topics).allSatisfy(topic -> {
            assertThat(Manifests.labels(topic)).containsEntry("strimzi.io/cluster", cluster);
            assertThat(topic.path("spec").path("partitions").asInt()).isPositive();
            JsonNode config = topic.path("spec").path("config");
            if (Topics.COMPACTED.contains(topic.path("spec").path("topicName").asText())) {
                // Kept per key for good: a time limit would drop what the routing engine still learns from.
                assertThat(config.path("cleanup.policy").asText()).isEqualTo("compact");
                assertThat(config.has("retention.ms")).isFalse();
            } else {
                assertThat(config.path("cleanup.policy").asText()).isEqualTo("delete");
                assertThat(config.path("retention.ms").asLong()).isPositive();
            }
            int replicas = topic.path("spec").path("replicas").asInt();
            assertThat(replicas).as("replicas of %s on %d brokers", name(topic), brokers).isBetween(1, brokers);
            // A write must survive a broker being restarted wherever there is more than one replica.
            assertThat(minInSync).isLessThanOrEqualTo(replicas > 1 ? replicas - 1 : 1);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaRunsInKraftModeOnNodePools(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String cluster = name(manifests.ofKind("Kafka").get(0));
        assertThat(manifests.ofKind("KafkaNodePool")).isNotEmpty().allSatisfy(pool ->
                assertThat(Manifests.labels(pool)).containsEntry("strimzi.io/cluster", cluster));
        assertThat(nodes(manifests, "controller")).as("KRaft controllers").isOdd();
        assertThat(nodes(manifests, "broker")).as("brokers").isPositive();
    }

    private static int nodes(Manifests manifests, String role) {
        return manifests.ofKind("KafkaNodePool").stream()
                .filter(pool -> StreamSupport.stream(pool.path("spec").path("roles").spliterator(), false)
                        .anyMatch(candidate -> role.equals(candidate.asText())))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void consumersScaleOnTheLagOfTheirRealGroupAndTopic(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String bootstrap = manifests.get("ConfigMap", "switchboard-config").path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText();
        assertThat(manifests.ofKind("ScaledObject")).extracting(Manifests::name)
                .containsExactlyInAnyOrder("routing-engine", "work-service");
        for (JsonNode scaledObject : manifests.ofKind("ScaledObject")) {
            SwitchboardService service = SwitchboardService.named(scaledObject.path("spec").path("scaleTargetRef").path("name").asText());
            manifests.get("Deployment", service.name());
            assertThat(scaledObject.path("spec").path("triggers")).as("triggers of %s", name(scaledObject)).hasSize(1);
            JsonNode trigger = scaledObject.path("spec").path("triggers").get(0);
            assertThat(trigger.path("type").asText()).isEqualTo("kafka");
            JsonNode metadata = trigger.path("metadata");
            String topic = metadata.path("topic").asText();
            assertThat(Topics.ALL).contains(topic);
            assertThat(service.consumerGroupOf(topic)).as("group %s reads %s with", service.name(), topic)
                    .contains(new KafkaChannel.ConsumerGroup(metadata.path("consumerGroup").asText(), false));
            assertThat(metadata.path("bootstrapServers").asText()).isEqualTo(bootstrap);
            int partitions = manifests.ofKind("KafkaTopic").stream()
                    .filter(kafkaTopic -> topic.equals(kafkaTopic.path("spec").path("topicName").asText()))
                    .mapToInt(kafkaTopic -> kafkaTopic.path("spec").path("partitions").asInt()).findFirst().orElseThrow();
            int min = scaledObject.path("spec").path("minReplicaCount").asInt();
            int max = scaledObject.path("spec").path("maxReplicaCount").asInt();
            assertThat(max).as("instances beyond %d partitions of %s would idle", partitions, topic)
                    .isBetween(Math.max(min, 1), partitions);
            assertThat(manifests.get("Deployment", service.name()).path("spec").has("replicas"))
                    .as("%s replicas belong to KEDA", service.name()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void adaptersScaleOnCpu(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        List<String> adapters = SwitchboardService.ALL.stream().filter(SwitchboardService::adapter).map(SwitchboardService::name).toList();
        assertThat(manifests.ofKind("HorizontalPodAutoscaler")).extracting(Manifests::name).containsExactlyInAnyOrderElementsOf(adapters);
        assertThat(manifests.ofKind("HorizontalPodAutoscaler")).allSatisfy(hpa -> {
            JsonNode spec = hpa.path("spec");
            assertThat(spec.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
            manifests.get("Deployment", spec.path("scaleTargetRef").path("name").asText());
            assertThat(spec.path("metrics").get(0).path("resource").path("name").asText()).isEqualTo("cpu");
            assertThat(spec.path("minReplicas").asInt()).isBetween(1, spec.path("maxReplicas").asInt());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADisruptionBudgetAndIsScraped(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        List<JsonNode> monitors = manifests.ofKind("ServiceMonitor");
        assertThat(monitors).isNotEmpty();
        for (SwitchboardService service : SwitchboardService.ALL) {
            Map<String, String> pods = podLabels(manifests.get("Deployment", service.name()));
            assertThat(manifests.ofKind("PodDisruptionBudget")).as("budgets of %s", service.name())
                    .filteredOn(budget -> selects(budget.path("spec").path("selector"), pods)).hasSize(1);
            JsonNode kubeService = manifests.get("Service", service.name());
            assertThat(monitors).as("ServiceMonitor for %s", service.name()).anySatisfy(monitor -> {
                assertThat(selects(monitor.path("spec").path("selector"), Manifests.labels(kubeService))).isTrue();
                JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
                assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
                assertThat(kubeService.path("spec").path("ports")).extracting(port -> port.path("name").asText())
                        .contains(endpoint.path("port").asText());
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyChannelAdaptersAreReachableFromTheIngressController(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        List<JsonNode> policies = manifests.ofKind("NetworkPolicy");
        for (SwitchboardService service : SwitchboardService.ALL) {
            Map<String, String> pods = podLabels(manifests.get("Deployment", service.name()));
            List<JsonNode> applying = policies.stream()
                    .filter(policy -> selects(policy.path("spec").path("podSelector"), pods)).toList();
            assertThat(applying).as("a default-deny policy selects %s", service.name())
                    .anySatisfy(policy -> assertThat(policy.path("spec").path("ingress")).isEmpty());
            boolean fromIngressController = applying.stream()
                    .flatMap(policy -> StreamSupport.stream(policy.path("spec").path("ingress").spliterator(), false))
                    .flatMap(rule -> StreamSupport.stream(rule.path("from").spliterator(), false))
                    .anyMatch(peer -> "ingress-nginx".equals(peer.path("namespaceSelector").path("matchLabels")
                            .path("kubernetes.io/metadata.name").asText()));
            assertThat(fromIngressController).as("%s reachable from the ingress controller", service.name())
                    .isEqualTo(service.adapter());
        }
    }

    /** The ops-service reads the work-service's calendar and, for supervisors, its agents and queues. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theOpsServiceMayCallTheWorkService(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, String> workService = podLabels(manifests.get("Deployment", "work-service"));
        Map<String, String> opsService = podLabels(manifests.get("Deployment", "ops-service"));
        assertThat(manifests.ofKind("NetworkPolicy").stream()
                .filter(policy -> selects(policy.path("spec").path("podSelector"), workService))
                .flatMap(policy -> StreamSupport.stream(policy.path("spec").path("ingress").spliterator(), false))
                .flatMap(rule -> StreamSupport.stream(rule.path("from").spliterator(), false))
                .filter(peer -> peer.has("podSelector") && !peer.has("namespaceSelector")))
                .anySatisfy(peer -> assertThat(selects(peer.path("podSelector"), opsService)).isTrue());
        assertThat(manifests.environment(container(manifests.get("Deployment", "ops-service")))
                .get("SWITCHBOARD_WORK_SERVICE_URL").path("value").asText())
                .isEqualTo("http://work-service:" + SwitchboardService.named("work-service").httpPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyEnvironmentVariableTheServicesReadIsSet(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (SwitchboardService service : SwitchboardService.ALL) {
            Map<String, JsonNode> environment = manifests.environment(container(manifests.get("Deployment", service.name())));
            assertThat(environment.keySet()).as("environment of %s", service.name())
                    .containsAll(service.environmentVariables()).contains("KAFKA_BOOTSTRAP_SERVERS");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsExistOrAreDocumentedAsProvidedByTheOperator(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String readme = Repository.read("k8s/README.md");
        Map<String, Set<String>> operatorSecrets = operatorSecrets(manifests);
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            for (Map.Entry<String, Set<String>> reference : secretReferences(deployment).entrySet()) {
                var rendered = manifests.find("Secret", reference.getKey());
                if (rendered.isPresent()) {
                    assertThat(keys(rendered.get().path("data"))).as("keys of Secret %s", reference.getKey())
                            .containsAll(reference.getValue());
                } else if (operatorSecrets.containsKey(reference.getKey())) {
                    assertThat(operatorSecrets.get(reference.getKey())).as("keys the operator writes into Secret %s",
                            reference.getKey()).containsAll(reference.getValue());
                } else {
                    assertThat(overlay).as("Secret %s of %s is rendered in dev", reference.getKey(), name(deployment))
                            .isEqualTo("prod");
                    assertThat(readme).as("k8s/README.md documents Secret %s and its keys", reference.getKey())
                            .contains(reference.getKey()).contains(reference.getValue());
                }
            }
        }
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            secretKeyRefs(deployment, true).forEach((secret, keys) -> assertThat(readme)
                    .as("k8s/README.md documents optional Secret %s of %s and its keys", secret, name(deployment))
                    .contains(secret).contains(keys));
        }
        Set<String> webhookSecrets = new HashSet<>();
        manifests.ofKind("Deployment").forEach(deployment -> secretReferences(deployment).forEach((secret, keys) -> {
            // dev generates the Secret, so its name carries kustomize's content hash
            if (secret.equals("switchboard-webhook-secrets") || secret.matches("switchboard-webhook-secrets-[a-z0-9]{10}")) {
                webhookSecrets.addAll(keys);
            }
        }));
        assertThat(webhookSecrets).as("webhook secrets of docs/configuration.md").isEqualTo(documentedWebhookSecrets());
    }

    /**
     * Secrets the operators write, with their keys: CloudNativePG's application user of each Cluster, Strimzi's
     * cluster CA certificate and each SCRAM KafkaUser's credentials.
     */
    static Map<String, Set<String>> operatorSecrets(Manifests manifests) {
        Map<String, Set<String>> secrets = new HashMap<>();
        manifests.ofKind("Cluster").stream()
                .filter(cluster -> cluster.path("apiVersion").asText().startsWith("postgresql.cnpg.io/"))
                .forEach(cluster -> secrets.put(name(cluster) + "-app", Set.of("username", "user", "password", "host",
                        "port", "dbname", "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri", "pgpass")));
        manifests.ofKind("Kafka").forEach(kafka ->
                secrets.put(name(kafka) + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password")));
        manifests.ofKind("KafkaUser").stream()
                .filter(user -> user.path("spec").path("authentication").path("type").asText().equals("scram-sha-512"))
                .forEach(user -> secrets.put(name(user), Set.of("password", "sasl.jaas.config")));
        return secrets;
    }

    /** The variables of the "Webhook secrets" table in docs/configuration.md. */
    private static Set<String> documentedWebhookSecrets() {
        String doc = Repository.read("docs/configuration.md");
        String section = doc.substring(doc.indexOf("## Webhook secrets"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        Matcher variable = Pattern.compile("^\\| `(SWITCHBOARD_[A-Z_]+)`", Pattern.MULTILINE).matcher(section);
        Set<String> names = new HashSet<>();
        while (variable.find()) {
            names.add(variable.group(1));
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(7);
        return names;
    }

    /** Secret name → keys the pod needs, from required env secretKeyRefs and secret volumes. */
    private static Map<String, Set<String>> secretReferences(JsonNode deployment) {
        Map<String, Set<String>> references = secretKeyRefs(deployment, false);
        // A mounted Secret's keys are the files the configuration points at under its mount path.
        for (JsonNode volume : deployment.path("spec").path("template").path("spec").path("volumes")) {
            if (volume.has("secret")) {
                Set<String> keys = references.computeIfAbsent(volume.path("secret").path("secretName").asText(),
                        name -> new HashSet<>());
                for (JsonNode mount : container(deployment).path("volumeMounts")) {
                    if (mount.path("name").asText().equals(volume.path("name").asText())) {
                        Pattern file = Pattern.compile(Pattern.quote(mount.path("mountPath").asText()) + "/([^/\\s]+)");
                        for (JsonNode variable : container(deployment).path("env")) {
                            Matcher matcher = file.matcher(variable.path("value").asText());
                            while (matcher.find()) {
                                keys.add(matcher.group(1));
                            }
                        }
                    }
                }
                assertThat(keys).as("files read from Secret volume %s", volume.path("name").asText()).isNotEmpty();
            }
        }
        return references;
    }

    /** Secret name → keys of the env secretKeyRefs that are (not) optional; the pod starts without optional ones. */
    private static Map<String, Set<String>> secretKeyRefs(JsonNode deployment, boolean optional) {
        Map<String, Set<String>> references = new HashMap<>();
        for (JsonNode variable : container(deployment).path("env")) {
            JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode() && ref.path("optional").asBoolean(false) == optional) {
                references.computeIfAbsent(ref.path("name").asText(), name -> new HashSet<>()).add(ref.path("key").asText());
            }
        }
        return references;
    }

    private static Set<String> keys(JsonNode map) {
        Set<String> keys = new HashSet<>();
        map.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void routingRulesAreAMountedConfigMapTheEngineReloads(String overlay) throws Exception {
        Manifests manifests = Manifests.render(overlay);
        SwitchboardService engine = SwitchboardService.named("routing-engine");
        assertThat(engine.environmentVariables()).contains("SWITCHBOARD_ROUTING_RULES_FILE");
        JsonNode deployment = manifests.get("Deployment", engine.name());
        JsonNode container = container(deployment);
        String file = manifests.environment(container).get("SWITCHBOARD_ROUTING_RULES_FILE").path("value").asText();
        JsonNode volume = StreamSupport.stream(deployment.path("spec").path("template").path("spec").path("volumes").spliterator(), false)
                .filter(candidate -> candidate.has("configMap")).findFirst().orElseThrow();
        JsonNode mount = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(candidate -> candidate.path("name").asText().equals(volume.path("name").asText())).findFirst().orElseThrow();
        // A subPath mount is a copy taken at start: the ConfigMap's updates would never reach the engine.
        assertThat(mount.has("subPath")).isFalse();
        assertThat(file.substring(0, file.lastIndexOf('/'))).isEqualTo(mount.path("mountPath").asText());
        JsonNode configMap = manifests.get("ConfigMap", volume.path("configMap").path("name").asText());
        String rules = configMap.path("data").path(file.substring(file.lastIndexOf('/') + 1)).asText();
        JsonNode bundled = Manifests.YAML.readTree(Repository.read("routing-engine/src/main/resources/routing-rules.yaml"));
        assertThat(keys(Manifests.YAML.readTree(rules))).as("the rule set's sections").isEqualTo(keys(bundled));
    }
}
