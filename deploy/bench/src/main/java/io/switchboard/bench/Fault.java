package io.switchboard.bench;

import io.switchboard.runtime.SwitchboardStack;

import java.util.List;

/** The crashes the fault suite injects: {@code kill -9} of one part of the system, then a restart. */
record Fault(String name, Runnable crash, Runnable restart) {

    static List<Fault> all(SwitchboardStack stack) {
        return List.of(
                new Fault("Kafka broker", () -> stack.kafka().kill(), stack::restartKafka),
                new Fault("PostgreSQL", () -> stack.postgres().kill(), () -> stack.postgres().start()),
                service(stack, "routing-engine"),
                service(stack, "work-service"));
    }

    private static Fault service(SwitchboardStack stack, String name) {
        return new Fault(name, () -> stack.service(name).kill(), () -> stack.restart(name));
    }
}
