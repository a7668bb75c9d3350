package io.switchboard.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Debian archive as this machine's apt sources see it. apt itself resolves a package set's dependency closure,
 * by simulating the installation onto an empty system, and downloads the packages, checked against the archive's
 * signed indexes; versions are whatever those indexes hold at build time (security updates included).
 */
final class AptArchive {

    private static final Pattern INSTALLS = Pattern.compile("(?m)^Inst (\\S+) \\((\\S+) [^\\[]*\\[(\\S+)]\\)");

    private final Path downloads;

    AptArchive(Path downloads) {
        this.downloads = downloads;
    }

    /** The packages and everything they depend on (no recommends), downloaded unless already there. */
    List<DebianPackage> download(List<String> packages) throws IOException, InterruptedException {
        Files.createDirectories(downloads);
        List<DebianPackage> closure = closureOf(packages);
        List<String> missing = closure.stream().filter(p -> !Files.exists(p.deb()))
                .map(p -> p.name() + "=" + p.version()).toList();
        if (!missing.isEmpty()) {
            // As root apt hands downloads to the _apt user, which cannot write into a build directory.
            apt(Stream.concat(Stream.of("apt-get", "download", "-q", "-o", "APT::Sandbox::User=root"),
                    missing.stream()).toList());
        }
        return closure;
    }

    private List<DebianPackage> closureOf(List<String> packages) throws IOException, InterruptedException {
        Path emptySystem = downloads.resolve("empty-dpkg-status");
        Files.write(emptySystem, new byte[0]);
        List<String> simulation = Stream.concat(Stream.of("apt-get", "install", "--simulate", "--no-install-recommends",
                "-o", "Dir::State::status=" + emptySystem, "-o", "Debug::NoLocking=1"), packages.stream()).toList();
        String plan;
        try {
            plan = apt(simulation);
        } catch (IOException noPackageLists) {
            // A fresh machine has no package indexes yet.
            apt(List.of("apt-get", "update", "-qq"));
            plan = apt(simulation);
        }
        List<DebianPackage> closure = new ArrayList<>();
        Matcher install = INSTALLS.matcher(plan);
        while (install.find()) {
            String name = install.group(1);
            String version = install.group(2);
            String architecture = install.group(3);
            // apt-get download's file name, with the epoch's colon URL-encoded.
            Path deb = downloads.resolve(name + "_" + version.replace(":", "%3a") + "_" + architecture + ".deb");
            closure.add(new DebianPackage(name, version, architecture, deb));
        }
        if (closure.isEmpty()) {
            throw new IOException("apt planned no installation for " + packages + ":\n" + plan);
        }
        return closure;
    }

    private String apt(List<String> command) throws IOException, InterruptedException {
        return new HostCommand(downloads, command).run();
    }
}
