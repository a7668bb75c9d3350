package io.switchboard.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository, resolved from this module's directory (Maven runs tests there). */
final class Repository {

    static final Path K8S = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path ROOT = K8S.getParent();

    private Repository() {
    }

    static Path file(String relative) {
        Path path = ROOT.resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing " + path);
        }
        return path;
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
