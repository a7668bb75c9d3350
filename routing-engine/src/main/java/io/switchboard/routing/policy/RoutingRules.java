package io.switchboard.routing.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;

import java.util.List;
import java.util.Map;

/**
 * The active rule set as an organisation writes it in YAML: phrase rules that feed the classifier, and the
 * office decision (where work goes, when the front office filters, what is confidential, what comes first and
 * how fast it must be answered). Validated by {@link RuleSet#compile} before it becomes active.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RoutingRules(
        String name,
        String description,
        Classification classification,
        Offices offices,
        List<ConfidentialityRule> confidentiality,
        Priority priority,
        Map<Channel, Integer> slaSeconds,
        Map<Intent, List<String>> skills,
        Targeting targeting) {

    public RoutingRules {
        confidentiality = confidentiality == null ? List.of() : List.copyOf(confidentiality);
        slaSeconds = slaSeconds == null ? Map.of() : Map.copyOf(slaSeconds);
        skills = skills == null ? Map.of() : Map.copyOf(skills);
        targeting = targeting == null ? Targeting.RELAX_SKILLS_AFTER_A_MINUTE : targeting;
    }

    /**
     * @param defaultLanguage the language assumed when a text has no clear Dutch or English signal
     * @param phrases         transparent rules; a match adds its weight to the scores of its RST class and intent
     */
    public record Classification(String defaultLanguage, List<PhraseRule> phrases) {
        public Classification {
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
        }
    }

    /**
     * A phrase or pattern rule. Patterns are regular expressions over the normalised text (lower case, accents
     * and punctuation removed). {@code channels} and {@code publicOnly} narrow where it applies.
     */
    public record PhraseRule(String id, String description, List<String> patterns, Rst rst, Intent intent,
            double weight, List<Channel> channels, boolean publicOnly) {
        public PhraseRule {
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }

    /**
     * @param byRst                       the office of each RST class
     * @param byIntent                    intents that always go to one office, whatever their RST class
     * @param frontOfficeBelowConfidence  under this confidence the front office takes the work and escalates
     */
    public record Offices(Map<Rst, Office> byRst, Map<Intent, Office> byIntent, double frontOfficeBelowConfidence) {
        public Offices {
            byRst = byRst == null ? Map.of() : Map.copyOf(byRst);
            byIntent = byIntent == null ? Map.of() : Map.copyOf(byIntent);
        }
    }

    /** Contacts matching any pattern (or of one of the intents) are handled by {@code office}, confidence or not. */
    public record ConfidentialityRule(String id, String description, List<String> patterns, List<Intent> intents,
            Office office) {
        public ConfidentialityRule {
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
            intents = intents == null ? List.of() : List.copyOf(intents);
        }
    }

    /**
     * @param base         starting priority per intent; intents not listed start at {@code defaultBase}
     * @param complaint    added for complaints
     * @param publicPost   added for public social posts, which others read
     * @param repeatContact added when the customer made contact before within {@code repeatWindowHours}
     * @param tiers        added per customer tier ({@code metadata.customerTier})
     */
    public record Priority(int defaultBase, Map<Intent, Integer> base, int complaint, int publicPost,
            int repeatContact, int repeatWindowHours, Map<String, Integer> tiers) {
        public Priority {
            base = base == null ? Map.of() : Map.copyOf(base);
            tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
        }
    }

    /**
     * How the target of a waiting contact widens: the steps of its intent if listed, else of its office, else the
     * default. Without a {@code targeting} section the required skills are dropped after a minute, so no contact
     * waits longer than that for a skill nobody on duty has.
     */
    public record Targeting(@JsonProperty("default") List<Step> defaults, Map<Office, List<Step>> byOffice,
            Map<Intent, List<Step>> byIntent) {

        static final Targeting RELAX_SKILLS_AFTER_A_MINUTE = new Targeting(List.of(new Step(60, List.of(), null)),
                null, null);

        public Targeting {
            defaults = defaults == null ? List.of() : List.copyOf(defaults);
            byOffice = byOffice == null ? Map.of() : Map.copyOf(byOffice);
            byIntent = byIntent == null ? Map.of() : Map.copyOf(byIntent);
        }

        public List<Step> stepsFor(Intent intent, Office office) {
            List<Step> steps = byIntent.get(intent);
            if (steps == null) {
                steps = byOffice.getOrDefault(office, defaults);
            }
            return steps;
        }
    }

    /**
     * From {@code afterSeconds} of waiting on, the contact may be taken by agents of {@code office} with
     * {@code requiredSkills}; either left out keeps what the step before said.
     */
    public record Step(int afterSeconds, List<String> requiredSkills, Office office) {
    }
}
