package io.switchboard.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Port;

/**
 * One service's image: the base image plus the packaged application under /deployments, built by jib-core straight
 * from target/quarkus-app (no Maven rebuild of the service, no Docker daemon). Two layers like Quarkus' own Jib
 * build: the dependencies (lib/), which rarely change, and the application (everything else).
 */
final class ServiceImage {

    /** As the parent pom's quarkus.container-image.group/tag and k8s/base/kustomization.yaml's images. */
    static final String GROUP = "switchboard";
    static final String TAG = "0.1.0";
    static final String DEPLOYMENTS = "/deployments";
    /** The default when nothing replaces JAVA_OPTS_APPEND: Quarkus' log manager and an explicit heap. */
    static final String JAVA_OPTS_APPEND =
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager -Xmx256m -XX:+ExitOnOutOfMemoryError";

    private final Path base;
    private final Path cache;

    ServiceImage(Path base, Path cache) {
        this.base = base;
        this.cache = cache;
    }

    static String reference(QuarkusApp app) {
        return GROUP + "/" + app.name() + ":" + TAG;
    }

    void build(QuarkusApp app, Path archive) throws IOException, InterruptedException {
        FileEntriesLayer.Builder application = FileEntriesLayer.builder().setName("application");
        try (Stream<Path> entries = Files.list(app.directory())) {
            for (Path entry : entries.filter(e -> !e.getFileName().toString().equals("lib")).sorted().toList()) {
                application.addEntryRecursive(entry, deployed(entry.getFileName().toString()));
            }
        }
        try {
            Jib.from(TarImage.at(base))
                    .addFileEntriesLayer(FileEntriesLayer.builder().setName("dependencies")
                            .addEntryRecursive(app.directory().resolve("lib"), deployed("lib")).build())
                    .addFileEntriesLayer(application.build())
                    .setEntrypoint(List.of(JreBaseImage.RUN_JAVA, "-jar", DEPLOYMENTS + "/quarkus-run.jar"))
                    .addEnvironmentVariable("JAVA_OPTS_APPEND", JAVA_OPTS_APPEND)
                    .setWorkingDirectory(AbsoluteUnixPath.get(DEPLOYMENTS))
                    .addExposedPort(Port.tcp(app.port()))
                    .containerize(Containerizer.to(TarImage.at(archive).named(reference(app)))
                            .setBaseImageLayersCache(cache.resolve("base"))
                            .setApplicationLayersCache(cache.resolve("application")));
        } catch (InvalidImageReferenceException | RegistryException | CacheDirectoryCreationException
                 | ExecutionException e) {
            throw new IOException("jib could not build " + reference(app), e);
        }
    }

    private static AbsoluteUnixPath deployed(String name) {
        return AbsoluteUnixPath.get(DEPLOYMENTS).resolve(name);
    }
}
