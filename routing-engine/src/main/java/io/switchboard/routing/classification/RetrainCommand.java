package io.switchboard.routing.classification;

import io.switchboard.contracts.Json;
import io.switchboard.routing.policy.RoutingRulesStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Retrain → evaluate → promote from the command line, as {@code POST /api/routing/model/retrain} does in an
 * engine: {@code <model dir> [corrections file] [rules file]} (corrections default to
 * {@code <model dir>/corrections.jsonl}, rules to the bundled rule set). Running engines pick a promoted version up
 * at their next poll of the directory. Prints the outcome as JSON; exits 0 when the candidate was promoted, 3 when
 * it was refused.
 */
public final class RetrainCommand {

    static final int REFUSED = 3;

    private RetrainCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: RetrainCommand <model dir> [corrections file] [rules file]");
            System.exit(2);
        }
        ModelDirectory directory = new ModelDirectory(Path.of(args[0]).toAbsolutePath());
        Path corrections = args.length > 1 ? Path.of(args[1]) : directory.defaultCorrectionsFile();
        RoutingRulesStore rules = new RoutingRulesStore(Optional.ofNullable(args.length > 2 ? args[2] : null),
                Duration.ofDays(1));
        ModelVersions versions = new ModelVersions(directory, LabelledContacts.bundled(), PromotionRule.DEFAULT);
        RetrainOutcome outcome = versions.retrain(versions.active(), corrections, rules.current()).outcome();
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(outcome));
        System.exit(outcome.promoted() ? 0 : REFUSED);
    }
}
