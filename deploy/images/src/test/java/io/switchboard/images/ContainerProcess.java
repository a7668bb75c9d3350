package io.switchboard.images;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An unpacked image's entrypoint run the way a container runtime starts it, without one: util-linux unshare puts it
 * in its own PID and mount namespaces with /proc mounted, chroots into the root file system, changes to the image's
 * working directory and drops to the image's user; the environment is the image's plus overrides. The network is
 * the host's, so the test reaches the service on a loopback port. Needs root.
 */
final class ContainerProcess implements AutoCloseable {

    private final Process unshare;

    private ContainerProcess(Process unshare) {
        this.unshare = unshare;
    }

    static ContainerProcess start(ImageArchive image, Path rootfs, Map<String, String> overrides, Path log)
            throws IOException, InterruptedException {
        provideDevices(rootfs);
        String[] user = image.config().at("/config/User").asText().split(":");
        List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--pid", "--mount-proc",
                "--kill-child=SIGKILL", // should this test's JVM die, the service goes with it
                "--root=" + rootfs, "--wd=" + image.config().at("/config/WorkingDir").asText(),
                "--setgid=" + user[1], "--setuid=" + user[0], "--"));
        command.addAll(image.entrypoint());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(image.environment());
        builder.environment().putAll(overrides);
        return new ContainerProcess(builder.start());
    }

    /** The character devices every runtime creates in a container's /dev (as runc does). */
    private static void provideDevices(Path rootfs) throws IOException, InterruptedException {
        Map<String, String> devices = Map.of("null", "3", "zero", "5", "random", "8", "urandom", "9");
        for (Map.Entry<String, String> device : devices.entrySet()) {
            if (!Files.exists(rootfs.resolve("dev").resolve(device.getKey()))) {
                new HostCommand(rootfs, List.of("mknod", "-m", "666", "dev/" + device.getKey(), "c", "1",
                        device.getValue())).run();
            }
        }
    }

    boolean alive() {
        return unshare.isAlive();
    }

    /** The entrypoint's process (unshare forks it into the new PID namespace), once it is there. */
    Optional<ProcessHandle> entrypoint() {
        return unshare.children().findFirst();
    }

    /** A line of /proc/{pid}/status, e.g. "Uid". */
    String status(String field) throws IOException {
        long pid = entrypoint().orElseThrow().pid();
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith(field + ":")).findFirst().orElseThrow();
    }

    List<String> commandLine() throws IOException {
        long pid = entrypoint().orElseThrow().pid();
        String raw = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
        return List.of(raw.split("\0"));
    }

    /** SIGTERM to the service, as a runtime stops a container; unshare exits with it. Forcibly after a grace period. */
    @Override
    public void close() throws InterruptedException {
        entrypoint().ifPresent(ProcessHandle::destroy);
        if (!unshare.waitFor(30, TimeUnit.SECONDS)) {
            entrypoint().ifPresent(ProcessHandle::destroyForcibly);
            unshare.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
