package io.switchboard.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * One Switchboard service as the local run and the system tests start it: its module, default port (architecture §4),
 * whether it needs the database, and whether it runs C1-compiled code only. Every service verifies tokens
 * (docs/security.md).
 * <p>
 * {@code c1Only}: nine JVMs share the local machine's cores, and each compiles the same framework code. The adapters
 * and the ops-service spend their time in HTTP, Kafka clients and JSON, where C2's compilations cost more CPU
 * than its faster code saves on a two-core machine; the routing engine (classification), the work-service and the
 * broker keep C2 (docs/scaling.md, "Nine JVMs on two cores").
 */
public record ServiceSpec(String name, String module, int defaultPort, boolean usesDatabase, boolean c1Only) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("phone", "channel-adapters/phone", 8081, false, true),
            new ServiceSpec("whatsapp", "channel-adapters/whatsapp", 8082, false, true),
            new ServiceSpec("social", "channel-adapters/social", 8083, false, true),
            new ServiceSpec("webshop", "channel-adapters/webshop", 8084, false, true),
            new ServiceSpec("store", "channel-adapters/store", 8085, false, true),
            new ServiceSpec("routing-engine", "routing-engine", 8090, false, false),
            new ServiceSpec("work-service", "services/work-service", 8091, true, false),
            new ServiceSpec("ops-service", "services/ops-service", 8092, false, true));

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(spec -> spec.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

    /** The packaged application under the repository root. */
    public Path runner(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
