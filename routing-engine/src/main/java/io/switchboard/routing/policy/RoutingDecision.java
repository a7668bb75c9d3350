package io.switchboard.routing.policy;

import io.switchboard.contracts.ContactRouted.TargetingStep;
import io.switchboard.contracts.Office;

import java.util.List;

/**
 * Where a classified contact goes, how urgent it is, who may take it, how that widens while it waits, and how fast
 * it must be answered.
 */
public record RoutingDecision(Office office, int priority, List<String> requiredSkills, int slaSeconds,
        List<String> explanation, List<TargetingStep> targeting) {

    public RoutingDecision {
        requiredSkills = List.copyOf(requiredSkills);
        explanation = List.copyOf(explanation);
        targeting = List.copyOf(targeting);
    }
}
