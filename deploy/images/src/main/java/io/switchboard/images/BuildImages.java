package io.switchboard.images;

import java.nio.file.Files;
import java.nio.file.Path;

import io.switchboard.runtime.ServiceSpec;

/** deploy/images/build: every service's image as a tarball, with its path and size. */
public final class BuildImages {

    private BuildImages() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("switchboard.root", ".")).toAbsolutePath().normalize();
        ImageBuild build = new ImageBuild(root.resolve("deploy/images/target"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            QuarkusApp app = QuarkusApp.packagedIn(root.resolve(spec.module()));
            Path archive = build.service(app);
            System.out.printf("%-42s %6.1f MB  %s%n", ServiceImage.reference(app), Files.size(archive) / 1e6,
                    root.relativize(archive));
        }
    }
}
