package io.switchboard.routing.policy;

import io.switchboard.contracts.ContactRouted.TargetingStep;
import io.switchboard.contracts.Office;
import io.switchboard.routing.policy.RoutingRules.Step;
import io.switchboard.routing.policy.RoutingRules.Targeting;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps by which the target of a waiting contact widens, as the work-service applies them: the decision's
 * office and skills from the start, then each configured step from its {@code afterSeconds} on. A step that would
 * change nothing is left out, so every step the work-service sees widens (or moves) the target.
 */
final class TargetingLadder {

    private TargetingLadder() {
    }

    static List<TargetingStep> of(Office office, List<String> requiredSkills, List<Step> configured) {
        List<TargetingStep> ladder = new ArrayList<>();
        TargetingStep current = new TargetingStep(0, requiredSkills, office);
        ladder.add(current);
        for (Step step : configured) {
            TargetingStep next = new TargetingStep(step.afterSeconds(),
                    step.requiredSkills() != null ? step.requiredSkills() : current.requiredSkills(),
                    step.office() != null ? step.office() : current.office());
            if (!next.requiredSkills().equals(current.requiredSkills()) || next.office() != current.office()) {
                ladder.add(next);
                current = next;
            }
        }
        return ladder;
    }

    /** The ladder in a supervisor's words, for the decision's explanation. */
    static String describe(List<TargetingStep> ladder) {
        List<String> steps = new ArrayList<>();
        for (TargetingStep step : ladder) {
            String who = step.requiredSkills().isEmpty() ? "any " + step.office() + " agent"
                    : step.office() + " agents with " + String.join(", ", step.requiredSkills());
            steps.add(step.afterSeconds() == 0 ? who : "after " + step.afterSeconds() + " s " + who);
        }
        return "Targeting: " + String.join("; ", steps) + ".";
    }

    /** What is wrong with a targeting section: steps must start after 0 s and follow each other in time. */
    static List<String> problems(Targeting targeting) {
        List<String> problems = new ArrayList<>();
        check("targeting.default", targeting.defaults(), problems);
        targeting.byOffice().forEach((office, steps) -> check("targeting.byOffice." + office, steps, problems));
        targeting.byIntent().forEach((intent, steps) -> check("targeting.byIntent." + intent, steps, problems));
        return problems;
    }

    private static void check(String owner, List<Step> steps, List<String> problems) {
        if (steps == null) {
            problems.add(owner + " needs a list of steps (an empty list never widens)");
            return;
        }
        int previous = 0;
        for (Step step : steps) {
            if (step.afterSeconds() <= previous) {
                problems.add(owner + ": afterSeconds must grow from step to step and be above 0, was "
                        + step.afterSeconds() + " after " + previous);
            }
            previous = step.afterSeconds();
        }
    }
}
