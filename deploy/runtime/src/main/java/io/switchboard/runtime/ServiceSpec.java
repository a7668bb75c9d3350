package io.switchboard.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * One Switchboard service as the local run and the system tests start it: its module, default port (architecture §4),
 * and whether it needs the database. Every service verifies tokens (docs/security.md).
 */
public record ServiceSpec(String name, String module, int defaultPort, boolean usesDatabase) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("phone", "channel-adapters/phone", 8081, false),
            new ServiceSpec("whatsapp", "channel-adapters/whatsapp", 8082, false),
            new ServiceSpec("social", "channel-adapters/social", 8083, false),
            new ServiceSpec("webshop", "channel-adapters/webshop", 8084, false),
            new ServiceSpec("store", "channel-adapters/store", 8085, false),
            new ServiceSpec("routing-engine", "routing-engine", 8090, false),
            new ServiceSpec("work-service", "services/work-service", 8091, true),
            new ServiceSpec("ops-service", "services/ops-service", 8092, false));

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(spec -> spec.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

    /** The packaged application under the repository root. */
    public Path runner(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
