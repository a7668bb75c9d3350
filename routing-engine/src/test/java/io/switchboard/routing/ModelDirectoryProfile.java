package io.switchboard.routing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the engine on an empty model directory of its own, polled often, and a corrections topic of its own: the
 * broker is shared by the module's tests, and what one test publishes there the next retrain of another would read.
 */
public class ModelDirectoryProfile implements QuarkusTestProfile {

    static final Path ROOT = Path.of("target", "model-directory-test").toAbsolutePath();
    static final Path MODELS = ROOT.resolve("models");
    static final String CORRECTIONS_TOPIC = "contacts.corrections.model-directory-test";

    private final Path root;
    private final String correctionsTopic;

    public ModelDirectoryProfile() {
        this(ROOT, CORRECTIONS_TOPIC);
    }

    protected ModelDirectoryProfile(Path root, String correctionsTopic) {
        this.root = root;
        this.correctionsTopic = correctionsTopic;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        deleteRoot();
        return Map.of("switchboard.routing.model.dir", root.resolve("models").toString(),
                "switchboard.routing.model.corrections-topic", correctionsTopic,
                "switchboard.routing.model.poll-interval", "200ms");
    }

    private void deleteRoot() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
