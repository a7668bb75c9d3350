package io.switchboard.bench;

import io.switchboard.runtime.ChildProcess;
import io.switchboard.runtime.SwitchboardStack;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * A part of the system the fault suite takes down and starts again: how to find its process and port, how it is
 * taken down ({@code kill -9}, or SIGTERM for a graceful stop) and how it is restarted.
 */
record Fault(String name, Action action, LongSupplier pid, IntSupplier port, Runnable takeDown, Runnable restart) {

    enum Action {
        /** A crash: no shutdown hooks, nothing flushed. */
        KILL("kill -9"),
        /** A graceful stop: requests in flight are answered before the process ends. */
        TERM("SIGTERM");

        private final String command;

        Action(String command) {
            this.command = command;
        }

        @Override
        public String toString() {
            return command;
        }
    }

    /** Graceful shutdown gets as long as a Kubernetes pod's default termination grace period. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    /** {@code kill -9} of the broker, PostgreSQL, the two stateful services, an adapter and the ops-service. */
    static List<Fault> crashes(SwitchboardStack stack) {
        return List.of(
                new Fault("Kafka broker", Action.KILL, () -> stack.kafka().pid(), () -> stack.port("kafka"),
                        () -> stack.kafka().kill(), stack::restartKafka),
                new Fault("PostgreSQL", Action.KILL, () -> stack.postgres().pid().orElse(-1L), () -> postgresPort(stack),
                        () -> stack.postgres().kill(), () -> stack.postgres().start()),
                crash(stack, "routing-engine"),
                crash(stack, "work-service"),
                crash(stack, "whatsapp"),
                crash(stack, "ops-service"));
    }

    /** SIGTERM and restart of every service, one after the other, as a rolling deployment does. */
    static List<Fault> rollingRestart(SwitchboardStack stack) {
        return stack.services().keySet().stream().sorted().map(name -> service(stack, name, Action.TERM,
                () -> stack.service(name).stop(GRACE))).toList();
    }

    private static Fault crash(SwitchboardStack stack, String name) {
        return service(stack, name, Action.KILL, () -> stack.service(name).kill());
    }

    private static Fault service(SwitchboardStack stack, String name, Action action, Runnable takeDown) {
        ChildProcess process = stack.service(name);
        return new Fault(name, action, process::pid, () -> stack.port(name), takeDown, () -> stack.restart(name));
    }

    private static int postgresPort(SwitchboardStack stack) {
        return URI.create(stack.postgres().jdbcUrl(SwitchboardStack.DATABASE).substring("jdbc:".length())).getPort();
    }

    @Override
    public String toString() {
        return action + " " + name;
    }
}
