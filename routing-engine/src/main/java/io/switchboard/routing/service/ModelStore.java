package io.switchboard.routing.service;

import io.quarkus.runtime.Startup;
import io.switchboard.routing.classification.ActiveModel;
import io.switchboard.routing.classification.LabelledContacts;
import io.switchboard.routing.classification.ModelDirectory;
import io.switchboard.routing.classification.ModelRetraining;
import io.switchboard.routing.classification.ModelVersions;
import io.switchboard.routing.classification.PromotionRule;
import io.switchboard.routing.classification.RetrainOutcome;
import io.switchboard.routing.messaging.CorrectionsTopic;
import io.switchboard.routing.policy.RoutingRulesStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the model the engine classifies with and swaps it without a restart. At startup it makes the version named
 * active in the model directory ({@code switchboard.routing.model.dir}), or the bundled model while none is; then it
 * polls the directory, like the rules file, and switches when another engine or the retrain command promoted a new
 * version. Training takes about a second, so it happens here, never on a contact's way. A retrain learns from the
 * agents' corrections on {@code switchboard.routing.model.corrections-topic} ({@code contacts.corrections}).
 */
@Startup
@ApplicationScoped
public class ModelStore {

    private static final Logger LOG = Logger.getLogger(ModelStore.class);

    private final ModelVersions versions;
    private final CorrectionsTopic corrections;
    private final RoutingRulesStore rules;
    private final AtomicReference<ActiveModel> active = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final ScheduledExecutorService poller;

    public ModelStore(
            @ConfigProperty(name = "switchboard.routing.model.dir", defaultValue = "model") String directory,
            @ConfigProperty(name = "switchboard.routing.model.corrections-topic") String correctionsTopic,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "switchboard.routing.model.poll-interval", defaultValue = "2s") Duration pollInterval,
            RoutingRulesStore rules) {
        ModelDirectory modelDirectory = new ModelDirectory(Path.of(directory).toAbsolutePath());
        this.versions = new ModelVersions(modelDirectory, LabelledContacts.bundled(), PromotionRule.DEFAULT);
        this.corrections = new CorrectionsTopic(bootstrapServers, correctionsTopic, CorrectionsTopic.TIMEOUT);
        this.rules = rules;
        long start = System.nanoTime();
        // A promoted version that cannot be made at startup stops the engine: it should not route by a model
        // nobody chose. Later, a broken version leaves the running model active.
        active.set(versions.active());
        LOG.infof("Classifier model %s trained on %d labelled contacts (%d features) in %d ms; model directory %s",
                current().model().version(), current().model().trainedOn(), current().model().vocabulary().size(),
                (System.nanoTime() - start) / 1_000_000, modelDirectory.root());
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "model-poller");
            thread.setDaemon(true);
            return thread;
        });
        long millis = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::reload, millis, millis, TimeUnit.MILLISECONDS);
    }

    public ActiveModel current() {
        return active.get();
    }

    public ModelDirectory directory() {
        return versions.directory();
    }

    /**
     * Retrains from the corrections on the topic, read to its end; a promoted candidate is active here at once and
     * in the other engines at their next poll. One retrain at a time per engine.
     */
    public synchronized RetrainOutcome retrain() {
        ModelRetraining.Result result = versions.retrain(current(), corrections.read(), rules.current());
        result.promoted().ifPresent(active::set);
        return result.outcome();
    }

    /** Switches to the version named active in the directory when it is not the one running. */
    void reload() {
        try {
            Optional<String> named = versions.directory().activeVersion();
            if (named.isEmpty() || named.equals(current().promotion().map(RetrainOutcome::candidate))) {
                lastFailure.set(null);
                return;
            }
            ActiveModel next = versions.load(named.get());
            ActiveModel before = active.getAndSet(next);
            lastFailure.set(null);
            LOG.infof("Classifier model %s active (was %s), promoted %s", next.model().version(),
                    before.model().version(), next.promotion().map(RetrainOutcome::decidedAt).orElse(null));
        } catch (RuntimeException e) {
            // Logged once, not at every poll.
            if (!Objects.equals(e.getMessage(), lastFailure.getAndSet(e.getMessage()))) {
                LOG.warnf("Model in %s not activated, keeping %s: %s", versions.directory().root(),
                        current().model().version(), e.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
