package io.switchboard.runtime;

import io.switchboard.runtime.gateway.WebhookSecrets;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * {@code deploy/local/run}: the whole system on its embedded defaults, until Ctrl-C. Environment:
 * {@code SWITCHBOARD_PG_URL} ({@code postgresql://host:port/database}, as the work-service reads it; + {@code
 * SWITCHBOARD_PG_USER}, {@code SWITCHBOARD_PG_PASSWORD}) uses an existing
 * PostgreSQL instead of the embedded one; {@code SWITCHBOARD_STATE_DIR} moves the data folder; the webhook secrets
 * of docs/configuration.md are passed on to the adapters.
 */
public final class LocalStack {

    private static final Duration DASHBOARD_TOKEN_LIFETIME = Duration.ofHours(12);

    private LocalStack() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("switchboard.root", ".")).toAbsolutePath().normalize();
        Map<String, String> env = System.getenv();
        Path state = Path.of(env.getOrDefault("SWITCHBOARD_STATE_DIR", root.resolve("deploy/local/.state").toString()));
        Files.createDirectories(state);

        FileChannel lockChannel = FileChannel.open(state.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockChannel.tryLock();
        if (lock == null) {
            System.err.println("Switchboard is already running from " + state + " (pid "
                    + Files.readString(state.resolve("run.pid")).trim() + "); stop it with Ctrl-C first.");
            System.exit(1);
        }
        Files.writeString(state.resolve("run.pid"), ProcessHandle.current().pid() + "\n");

        // Real gateways (through a tunnel) sign with the secrets set in this environment.
        SwitchboardStack.Builder builder = SwitchboardStack.builder(root, state)
                .webhookSecrets(WebhookSecrets.fromEnvironment(env));
        if (env.containsKey("SWITCHBOARD_PG_URL")) {
            // postgresql://host:port/database, as the work-service reads it; a JDBC URL is taken too.
            String url = env.get("SWITCHBOARD_PG_URL");
            builder.externalPostgres(url.startsWith("jdbc:") ? url : "jdbc:" + url,
                    env.getOrDefault("SWITCHBOARD_PG_USER", "postgres"), env.getOrDefault("SWITCHBOARD_PG_PASSWORD", ""));
        }
        SwitchboardStack stack = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Switchboard ...");
            stack.close();
            System.out.println("Stopped.");
        }, "switchboard-shutdown"));

        Instant started = Instant.now();
        System.out.println("Starting Kafka, PostgreSQL and " + ServiceSpec.ALL.size() + " services (logs in "
                + state.resolve("logs") + ") ...");
        stack.start();
        System.out.printf("%nSwitchboard is ready after %d s.%n%n", Duration.between(started, Instant.now()).toSeconds());
        System.out.printf("  %-16s %s%n", "Kafka", stack.bootstrapServers());
        System.out.printf("  %-16s %s%n", "PostgreSQL", stack.postgres().jdbcUrl(SwitchboardStack.DATABASE));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            System.out.printf("  %-16s %s   (OpenAPI %s/q/openapi)%n", spec.name(), stack.url(spec.name()), stack.url(spec.name()));
        }
        System.out.println();
        // Signed in through the URL fragment, which the browser never sends; the page takes it out of the address.
        String opsToken = stack.keys().token("ops-local", Set.of("ops"), DASHBOARD_TOKEN_LIFETIME);
        System.out.println("  Dashboard:       " + stack.url("ops-service") + "/#token=" + opsToken);
        System.out.println("                   (signed in as ops-local for " + DASHBOARD_TOKEN_LIFETIME.toHours()
                + " h; another token: deploy/local/token --sub ops-1 --groups ops)");
        System.out.println("  Workspace:       " + stack.url("work-service") + "/workspace/   (agents sign in with a JWT of the group agent)");
        System.out.println("  Agent token:     deploy/local/token --sub agent-1 --groups agent");
        System.out.println("  Supervisor:      deploy/local/token --sub sup-1 --groups supervisor");
        System.out.println("\n  First time? In another terminal: deploy/local/demo — demo agents, a signed sample contact per");
        System.out.println("  provider, where each landed, and workspace links that sign in.");
        System.out.println("\nCtrl-C stops everything.");
        Thread.currentThread().join();
    }
}
