package io.switchboard.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A packaged service (a module's target/quarkus-app) with the name and HTTP port its own application.properties
 * gives: the image is named after quarkus.application.name, as Quarkus' container-image extension would, and
 * exposes the port the service listens on.
 */
record QuarkusApp(String name, int port, Path directory) {

    static QuarkusApp packagedIn(Path module) throws IOException {
        Path directory = module.resolve("target/quarkus-app");
        if (!Files.isRegularFile(directory.resolve("quarkus-run.jar"))) {
            throw new IOException(module + " is not packaged: build it first (./mvnw -B install -DskipTests)");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory.resolve("app"))) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        if (jars.size() != 1) {
            throw new IOException("expected the application jar alone in " + directory.resolve("app") + ": " + jars);
        }
        Properties properties = new Properties();
        try (JarFile jar = new JarFile(jars.get(0).toFile());
             InputStream in = jar.getInputStream(jar.getEntry("application.properties"))) {
            properties.load(in);
        }
        return new QuarkusApp(properties.getProperty("quarkus.application.name"),
                Integer.parseInt(properties.getProperty("quarkus.http.port")), directory);
    }
}
