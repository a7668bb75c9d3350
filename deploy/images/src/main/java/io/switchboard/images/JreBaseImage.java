package io.switchboard.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * switchboard/jre:17, the base of every service image: Debian's OpenJDK 17 runtime and whatever apt installs with it
 * onto an empty system (no recommends), dash for the entrypoint script, base-files for the file system layout and
 * /etc/os-release. Maintainer scripts do not run (there is no system to run them in); what of their work a JVM
 * needs is written here: the users, the Java trust store, and dpkg's status file so that image scanners see the
 * package versions. The image runs as an unprivileged numeric user, which Kubernetes' runAsNonRoot can verify.
 */
final class JreBaseImage {

    static final String TAG = "switchboard/jre:17";
    static final int UID = 1000;
    static final String RUN_JAVA = "/usr/local/bin/run-java";

    private static final List<String> PACKAGES = List.of("openjdk-17-jre-headless", "dash", "base-files");
    private static final String CA_CERTIFICATES = "/usr/share/ca-certificates/mozilla/";
    private static final String ENTRYPOINT_SCRIPT = """
            #!/bin/sh
            # Entrypoint of the Switchboard images. JVM options come from JAVA_OPTS_APPEND (each service image sets
            # the log manager and a heap; Kubernetes manifests replace it), split into words on purpose.
            exec java $JAVA_OPTS_APPEND "$@"
            """;

    private final AptArchive apt;

    JreBaseImage(AptArchive apt) {
        this.apt = apt;
    }

    void build(Path archive) throws IOException, InterruptedException {
        List<DebianPackage> packages = apt.download(PACKAGES);
        String architecture = packages.stream().map(DebianPackage::architecture).filter(a -> !a.equals("all"))
                .findFirst().orElseThrow(); // Debian's amd64 and arm64 are also the image platform's names
        String javaHome = "/usr/lib/jvm/java-17-openjdk-" + architecture;
        Files.createDirectories(archive.getParent());
        Path layer = archive.resolveSibling("rootfs.tar.gz");
        String diffId;
        try (RootfsLayer rootfs = new RootfsLayer(layer)) {
            Map<String, byte[]> caCertificates = new TreeMap<>();
            StringBuilder dpkgStatus = new StringBuilder();
            for (DebianPackage pkg : packages) {
                caCertificates.putAll(rootfs.unpack(pkg,
                        path -> path.startsWith(CA_CERTIFICATES) && path.endsWith(".crt")));
                dpkgStatus.append(statusOf(pkg));
            }
            rootfs.file("/etc/passwd", 0644, utf8("""
                    root:x:0:0:root:/root:/bin/sh
                    switchboard:x:%1$d:%1$d:Switchboard:/home/switchboard:/bin/sh
                    """.formatted(UID)));
            rootfs.file("/etc/group", 0644, utf8("root:x:0:\nswitchboard:x:%1$d:\n".formatted(UID)));
            rootfs.directory("/home/switchboard", 0755, UID);
            rootfs.file("/etc/ssl/certs/java/cacerts", 0644, JavaTrustStore.of(caCertificates));
            rootfs.file("/var/lib/dpkg/status", 0644, utf8(dpkgStatus.toString()));
            rootfs.file(RUN_JAVA, 0755, utf8(ENTRYPOINT_SCRIPT));
            diffId = rootfs.finish();
        }
        Map<String, Object> container = Map.of(
                "User", UID + ":" + UID,
                "Env", List.of("PATH=" + javaHome + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "JAVA_HOME=" + javaHome, "LANG=C.UTF-8"),
                "WorkingDir", "/");
        String createdBy = "deploy/images from Debian packages " + packages.stream()
                .map(p -> p.name() + "=" + p.version()).collect(Collectors.joining(" "));
        // Written aside and moved into place: a half-written base must not pass for a built one next time.
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        DockerArchive.write(partial, TAG, architecture, container, layer, diffId, createdBy);
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(layer);
    }

    /** The package's control fields as dpkg records an installed package. */
    private static String statusOf(DebianPackage pkg) throws IOException, InterruptedException {
        String control = new HostCommand(pkg.deb().getParent(), List.of("dpkg-deb", "-f", pkg.deb().toString())).run();
        return control.replaceFirst("\n", "\nStatus: install ok installed\n") + "\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
