package io.switchboard.routing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the engine on an empty model directory of its own, polled often, and a corrections file a test writes. */
public class ModelDirectoryProfile implements QuarkusTestProfile {

    static final Path ROOT = Path.of("target", "model-directory-test").toAbsolutePath();
    static final Path MODELS = ROOT.resolve("models");
    static final Path CORRECTIONS = ROOT.resolve("corrections.jsonl");

    @Override
    public Map<String, String> getConfigOverrides() {
        deleteRoot();
        return Map.of("switchboard.routing.model.dir", MODELS.toString(),
                "switchboard.routing.model.corrections-file", CORRECTIONS.toString(),
                "switchboard.routing.model.poll-interval", "200ms");
    }

    private static void deleteRoot() {
        if (!Files.exists(ROOT)) {
            return;
        }
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
