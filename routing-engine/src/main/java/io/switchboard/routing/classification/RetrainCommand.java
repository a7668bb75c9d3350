package io.switchboard.routing.classification;

import io.switchboard.contracts.Json;
import io.switchboard.contracts.Topics;
import io.switchboard.routing.messaging.CorrectionsTopic;
import io.switchboard.routing.policy.RoutingRulesStore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Retrain → evaluate → promote from the command line, as {@code POST /api/routing/model/retrain} does in an
 * engine: {@code <model dir> [rules file]} (rules default to the bundled rule set), the corrections read from the
 * topic {@code switchboard.routing.model.corrections-topic} (default {@value Topics#CONTACTS_CORRECTIONS}) at
 * {@code kafka.bootstrap.servers} (default {@code localhost:9092}), both system properties. Running engines pick a
 * promoted version up at their next poll of the directory. Prints the outcome as JSON; exits 0 when the candidate
 * was promoted, 3 when it was refused.
 */
public final class RetrainCommand {

    static final int REFUSED = 3;
    static final int USAGE = 2;

    private RetrainCommand() {
    }

    public static void main(String[] args) throws Exception {
        CorrectionsTopic corrections = new CorrectionsTopic(
                System.getProperty("kafka.bootstrap.servers", "localhost:9092"),
                System.getProperty("switchboard.routing.model.corrections-topic", Topics.CONTACTS_CORRECTIONS),
                CorrectionsTopic.TIMEOUT);
        System.exit(run(args, corrections, System.out));
    }

    /** Retrains with the corrections on {@code corrections}, prints the outcome and answers the exit status. */
    public static int run(String[] args, CorrectionsTopic corrections, PrintStream out) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: RetrainCommand <model dir> [rules file]"
                    + " (-Dkafka.bootstrap.servers=…, -Dswitchboard.routing.model.corrections-topic=…)");
            return USAGE;
        }
        ModelDirectory directory = new ModelDirectory(Path.of(args[0]).toAbsolutePath());
        RoutingRulesStore rules = new RoutingRulesStore(Optional.ofNullable(args.length > 1 ? args[1] : null),
                Duration.ofDays(1));
        ModelVersions versions = new ModelVersions(directory, LabelledContacts.bundled(), PromotionRule.DEFAULT);
        RetrainOutcome outcome = versions.retrain(versions.active(), corrections.read(), rules.current()).outcome();
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(outcome));
        return outcome.promoted() ? 0 : REFUSED;
    }
}
