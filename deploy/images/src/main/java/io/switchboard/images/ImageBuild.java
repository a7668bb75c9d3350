package io.switchboard.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The images under deploy/images/target: the base image (built once; delete it to pick up newer Debian packages)
 * and one archive per service in images/, named after the service.
 */
final class ImageBuild {

    private final Path target;

    ImageBuild(Path target) {
        this.target = target;
    }

    Path base() throws IOException, InterruptedException {
        Path base = target.resolve("base/jre-17.tar");
        if (!Files.exists(base)) {
            new JreBaseImage(new AptArchive(target.resolve("debs"))).build(base);
        }
        return base;
    }

    Path service(QuarkusApp app) throws IOException, InterruptedException {
        Path archive = target.resolve("images").resolve(app.name() + ".tar");
        Files.createDirectories(archive.getParent());
        new ServiceImage(base(), target.resolve("jib-cache")).build(app, archive);
        return archive;
    }
}
