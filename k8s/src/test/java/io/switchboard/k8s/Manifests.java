package io.switchboard.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.fail;

/** The objects of one rendered kustomize overlay, with the look-ups the checks need. */
final class Manifests {

    static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Manifests> RENDERED = new HashMap<>();

    final String overlay;
    final List<JsonNode> objects;

    private Manifests(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    /** {@code kubectl kustomize k8s/overlays/<overlay>}, parsed; rendered once per test run. */
    static synchronized Manifests render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::kustomize);
    }

    private static Manifests kustomize(String overlay) {
        String kubectl = kubectl();
        Path dir = Repository.K8S.resolve("overlays").resolve(overlay);
        try {
            Path stderr = Files.createTempFile("kustomize-" + overlay, ".err");
            Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                    .redirectError(stderr.toFile()).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("kubectl kustomize " + dir + " did not finish within 2 minutes");
            }
            String errors = Files.readString(stderr);
            Files.delete(stderr);
            if (process.exitValue() != 0) {
                fail("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n" + errors);
            }
            try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                    .readValues(new String(output, StandardCharsets.UTF_8))) {
                List<JsonNode> objects = new ArrayList<>();
                documents.forEachRemaining(document -> {
                    if (document != null && !document.isNull() && !document.isEmpty()) {
                        objects.add(document);
                    }
                });
                return new Manifests(overlay, objects);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + kubectl + "' (" + e.getMessage() + "). Install the Debian package "
                    + "kubernetes-client (apt-get install -y kubernetes-client), or point -Dkubectl= / KUBECTL at a "
                    + "kubectl binary", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** -Dkubectl, else KUBECTL, else kubectl on the PATH; never skipped: CI installs kubernetes-client. */
    private static String kubectl() {
        String configured = Optional.ofNullable(System.getProperty("kubectl")).filter(value -> !value.isBlank())
                .orElseGet(() -> Optional.ofNullable(System.getenv("KUBECTL")).orElse("kubectl"));
        if (configured.contains("/")) {
            if (!Files.isExecutable(Path.of(configured))) {
                fail("kubectl not found at " + configured + ": install the Debian package kubernetes-client "
                        + "(apt-get install -y kubernetes-client)");
            }
            return configured;
        }
        boolean onPath = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> java.util.Arrays.stream(path.split(java.io.File.pathSeparator)))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, configured)));
        if (!onPath) {
            fail("'" + configured + "' is not on the PATH. These tests render the kustomize overlays with kubectl: "
                    + "install the Debian package kubernetes-client (apt-get install -y kubernetes-client), "
                    + "or point -Dkubectl= / KUBECTL at a kubectl binary");
        }
        return configured;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(name(object))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** The only container of a Deployment (every Switchboard pod runs one). */
    static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            fail(name(deployment) + " has " + containers.size() + " containers, expected 1");
        }
        return containers.get(0);
    }

    static Map<String, String> labels(JsonNode podTemplateOrObject) {
        Map<String, String> labels = new HashMap<>();
        podTemplateOrObject.path("metadata").path("labels").fields()
                .forEachRemaining(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
        return labels;
    }

    static Map<String, String> podLabels(JsonNode deployment) {
        return labels(deployment.path("spec").path("template"));
    }

    /** Kubernetes label selector semantics: matchLabels (or a plain map, as in a Service) and matchExpressions. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        JsonNode matchLabels = selector.has("matchLabels") || selector.has("matchExpressions")
                ? selector.path("matchLabels") : selector;
        boolean labelsMatch = StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) matchLabels::fields)
                .spliterator(), false).allMatch(entry -> entry.getValue().asText().equals(labels.get(entry.getKey())));
        boolean expressionsMatch = StreamSupport.stream(selector.path("matchExpressions").spliterator(), false)
                .allMatch(expression -> {
                    String value = labels.get(expression.path("key").asText());
                    List<String> values = StreamSupport.stream(expression.path("values").spliterator(), false)
                            .map(JsonNode::asText).toList();
                    return switch (expression.path("operator").asText()) {
                        case "In" -> value != null && values.contains(value);
                        case "NotIn" -> value == null || !values.contains(value);
                        case "Exists" -> value != null;
                        case "DoesNotExist" -> value == null;
                        default -> throw new AssertionError("unknown selector operator in " + expression);
                    };
                });
        return labelsMatch && expressionsMatch;
    }

    /** The container port a Service targetPort or probe port (name or number) refers to, if any. */
    static Optional<Integer> containerPort(JsonNode container, JsonNode port) {
        return StreamSupport.stream(container.path("ports").spliterator(), false)
                .filter(candidate -> port.isInt()
                        ? candidate.path("containerPort").asInt() == port.asInt()
                        : port.asText().equals(candidate.path("name").asText()))
                .map(candidate -> candidate.path("containerPort").asInt())
                .findFirst();
    }

    /** Environment variables set on a container: env entries plus every key of the ConfigMaps it takes whole. */
    Map<String, JsonNode> environment(JsonNode container) {
        Map<String, JsonNode> environment = new HashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText();
            if (!configMap.isEmpty()) {
                get("ConfigMap", configMap).path("data").fields()
                        .forEachRemaining(entry -> environment.put(entry.getKey(), entry.getValue()));
            }
        }
        container.path("env").forEach(variable -> environment.put(variable.path("name").asText(), variable));
        return environment;
    }
}
