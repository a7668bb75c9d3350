package io.switchboard.routing.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the active rule set. It comes from {@code switchboard.routing.rules.file} when set, else from the rule set
 * bundled with the engine. The file is polled rather than watched: polling also sees the symlink swap by which
 * Kubernetes updates a mounted ConfigMap, which file-system watches miss. A file that does not parse or validate
 * leaves the previous rule set active and is reported at {@code GET /api/routing/rules}.
 */
@Startup
@ApplicationScoped
public class RoutingRulesStore {

    static final String BUNDLED = "routing-rules.yaml";
    private static final Logger LOG = Logger.getLogger(RoutingRulesStore.class);

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Optional<Path> file;
    private final AtomicReference<RuleSet> active = new AtomicReference<>();
    private final AtomicReference<ReloadFailure> lastFailure = new AtomicReference<>();
    private final ScheduledExecutorService poller;

    public RoutingRulesStore(@ConfigProperty(name = "switchboard.routing.rules.file") Optional<String> file,
            @ConfigProperty(name = "switchboard.routing.rules.poll-interval", defaultValue = "2s") Duration pollInterval) {
        this.file = file.map(Path::of);
        // An unreadable file at startup is a deployment mistake: fail fast instead of routing by other rules.
        active.set(this.file.map(this::read).orElseGet(this::readBundled));
        LOG.infof("Routing rules '%s' active from %s (version %s)", current().rules().name(), current().source(),
                current().version());
        poller = this.file.isPresent() ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "routing-rules-poller");
            thread.setDaemon(true);
            return thread;
        }) : null;
        if (poller != null) {
            long millis = pollInterval.toMillis();
            poller.scheduleWithFixedDelay(this::reload, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    public RuleSet current() {
        return active.get();
    }

    public Optional<ReloadFailure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** Reads the file again and activates it when its content changed and it is valid. */
    void reload() {
        Path path = file.orElseThrow();
        try {
            byte[] content = Files.readAllBytes(path);
            if (fingerprint(content).equals(current().version())) {
                // Unchanged, or put back to the active rules after a refused edit.
                lastFailure.set(null);
                return;
            }
            RuleSet next = parse(content, path.toString());
            active.set(next);
            lastFailure.set(null);
            LOG.infof("Routing rules '%s' reloaded from %s (version %s)", next.rules().name(), path, next.version());
        } catch (IOException | RuntimeException e) {
            ReloadFailure failure = new ReloadFailure(path.toString(), e.getMessage(), Instant.now());
            if (!failure.sameAs(lastFailure.get())) {
                LOG.warnf("Routing rules in %s not activated, keeping version %s: %s", path, current().version(),
                        e.getMessage());
            }
            lastFailure.set(failure);
        }
    }

    private RuleSet read(Path path) {
        try {
            return parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new InvalidRulesException("cannot read routing rules " + path + ": " + e.getMessage(), e);
        }
    }

    private RuleSet readBundled() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new InvalidRulesException("bundled " + BUNDLED + " is missing");
            }
            return parse(in.readAllBytes(), "classpath:" + BUNDLED);
        } catch (IOException e) {
            throw new InvalidRulesException("cannot read bundled " + BUNDLED, e);
        }
    }

    private RuleSet parse(byte[] content, String source) {
        RoutingRules rules;
        try {
            rules = yaml.readValue(content, RoutingRules.class);
        } catch (IOException e) {
            throw new InvalidRulesException("not valid routing rules YAML: " + e.getMessage(), e);
        }
        if (rules == null) {
            throw new InvalidRulesException(source + " is empty");
        }
        return RuleSet.compile(rules, source, fingerprint(content));
    }

    private static String fingerprint(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** Why the latest change of the rules file was not activated. */
    public record ReloadFailure(String source, String error, Instant at) {
        boolean sameAs(ReloadFailure other) {
            return other != null && Objects.equals(other.error, error);
        }
    }
}
