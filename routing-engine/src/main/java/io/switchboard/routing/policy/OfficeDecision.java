package io.switchboard.routing.policy;

import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted.TargetingStep;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.routing.classification.Classification;
import io.switchboard.routing.policy.RoutingRules.ConfidentialityRule;
import io.switchboard.routing.policy.RoutingRules.Priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies the office part of the rule set to a classified contact: confidentiality first (it overrides
 * everything), then the intent and RST mapping, then the front-office filter for decisions the classifier is not
 * sure of; then priority, skills, SLA and how the target widens while the contact waits.
 */
public final class OfficeDecision {

    /** Metadata key under which an adapter or CRM lookup passes the customer's tier. */
    public static final String CUSTOMER_TIER = "customerTier";

    private OfficeDecision() {
    }

    public static RoutingDecision decide(ContactReceived contact, Classification classification, RuleSet ruleSet,
            int earlierContacts) {
        RoutingRules rules = ruleSet.rules();
        List<String> explanation = new ArrayList<>();
        Office office = office(classification, ruleSet, explanation);
        int priority = priority(contact, classification, rules.priority(), earlierContacts, explanation);
        List<String> skills = rules.skills().getOrDefault(classification.intent(), List.of());
        int sla = rules.slaSeconds().get(contact.channel());
        explanation.add("Answer within " + sla + " s (" + contact.channel() + " service level)"
                + (skills.isEmpty() ? "" : "; needs skills " + String.join(", ", skills)) + ".");
        List<TargetingStep> targeting = TargetingLadder.of(office, skills,
                rules.targeting().stepsFor(classification.intent(), office));
        explanation.add(TargetingLadder.describe(targeting));
        return new RoutingDecision(office, priority, skills, sla, explanation, targeting);
    }

    private static Office office(Classification classification, RuleSet ruleSet, List<String> explanation) {
        Optional<Confidential> confidential = confidential(classification, ruleSet);
        if (confidential.isPresent()) {
            explanation.add(confidential.get().reason());
            return confidential.get().rule().office();
        }
        RoutingRules.Offices offices = ruleSet.rules().offices();
        Office office = offices.byIntent().get(classification.intent());
        if (office != null) {
            explanation.add("Intent " + classification.intent() + " is handled by " + office + ".");
        } else {
            office = ruleSet.officeFor(classification.rst());
            explanation.add(classification.rst() + " work is handled by " + office + ".");
        }
        double threshold = offices.frontOfficeBelowConfidence();
        if (office != Office.FRONT_OFFICE && classification.confidence() < threshold) {
            explanation.add("Confidence " + percent(classification.confidence()) + " is below " + percent(threshold)
                    + ": the front office takes it and escalates to " + office + " if needed.");
            return Office.FRONT_OFFICE;
        }
        return office;
    }

    /** The first confidentiality rule that applies. */
    private static Optional<Confidential> confidential(Classification classification, RuleSet ruleSet) {
        for (ConfidentialityRule rule : ruleSet.rules().confidentiality()) {
            if (rule.intents().contains(classification.intent())) {
                return Optional.of(new Confidential(rule, "Confidential by rule '" + rule.id() + "' (intent "
                        + classification.intent() + "): handled by " + rule.office() + " whatever the confidence."));
            }
            Optional<String> match = ruleSet.match(rule, classification.text().text());
            if (match.isPresent()) {
                return Optional.of(new Confidential(rule, "Confidential by rule '" + rule.id() + "' (matched \""
                        + match.get() + "\"): handled by " + rule.office() + " whatever the confidence."));
            }
        }
        return Optional.empty();
    }

    private static int priority(ContactReceived contact, Classification classification, Priority rules,
            int earlierContacts, List<String> explanation) {
        Intent intent = classification.intent();
        int priority = rules.base().getOrDefault(intent, rules.defaultBase());
        List<String> parts = new ArrayList<>();
        parts.add(priority + " base for " + intent);
        if (intent == Intent.COMPLAINT && rules.complaint() != 0) {
            priority += rules.complaint();
            parts.add("+" + rules.complaint() + " complaint");
        }
        if (contact.publicPost() && rules.publicPost() != 0) {
            priority += rules.publicPost();
            parts.add("+" + rules.publicPost() + " public post others can read");
        }
        if (earlierContacts > 0 && rules.repeatContact() != 0) {
            priority += rules.repeatContact();
            parts.add("+" + rules.repeatContact() + " repeat contact (" + earlierContacts + " earlier in "
                    + rules.repeatWindowHours() + " h)");
        }
        String tier = contact.metadata().get(CUSTOMER_TIER);
        Integer tierBoost = tier == null ? null : rules.tiers().get(tier.toLowerCase(Locale.ROOT));
        if (tierBoost != null && tierBoost != 0) {
            priority += tierBoost;
            parts.add("+" + tierBoost + " customer tier " + tier);
        }
        int bounded = Math.max(0, Math.min(100, priority));
        explanation.add("Priority " + bounded + ": " + String.join(", ", parts)
                + (bounded != priority ? " (capped at " + bounded + ")" : "") + ".");
        return bounded;
    }

    private record Confidential(ConfidentialityRule rule, String reason) {
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value * 100);
    }
}
