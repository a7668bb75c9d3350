package io.switchboard.system;

import io.switchboard.runtime.SwitchboardStack;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The packaged services of this build, started as processes on a real broker and database. */
final class SystemStack {

    private SystemStack() {
    }

    static SwitchboardStack start(List<String> services) {
        return start(services, UnaryOperator.identity());
    }

    static SwitchboardStack start(List<String> services, UnaryOperator<SwitchboardStack.Builder> options) {
        Path root = Path.of(System.getProperty("switchboard.root", "..")).toAbsolutePath().normalize();
        Path state = root.resolve("system-tests/target/stack-" + UUID.randomUUID());
        return options.apply(SwitchboardStack.builder(root, state).services(services).freePorts().partitions(3))
                .build().start();
    }
}
