package io.switchboard.routing.policy;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import io.switchboard.routing.policy.RoutingRules.ConfidentialityRule;
import io.switchboard.routing.policy.RoutingRules.PhraseRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A validated rule set with its patterns compiled, as it is active right now. Immutable: a reload builds a new
 * one and swaps it in whole, so a decision never sees half of an old and half of a new rule set.
 * {@code version} is a fingerprint of the YAML text, so operators can tell which rule set took a decision.
 */
public final class RuleSet {

    private final RoutingRules rules;
    private final String source;
    private final String version;
    private final Instant loadedAt;
    /** Compiled patterns per phrase or confidentiality rule, by identity of the rule. */
    private final Map<Object, List<Pattern>> patterns;

    private RuleSet(RoutingRules rules, String source, String version, Map<Object, List<Pattern>> patterns) {
        this.rules = rules;
        this.source = source;
        this.version = version;
        this.loadedAt = Instant.now();
        this.patterns = patterns;
    }

    /** Validates and compiles; every problem is reported at once so an operator fixes the file in one go. */
    public static RuleSet compile(RoutingRules rules, String source, String version) {
        List<String> problems = new ArrayList<>();
        Map<Object, List<Pattern>> patterns = new IdentityHashMap<>();
        if (rules.name() == null || rules.name().isBlank()) {
            problems.add("name is required");
        }
        if (rules.classification() == null) {
            problems.add("classification is required");
        } else {
            for (PhraseRule rule : rules.classification().phrases()) {
                if (rule.id() == null || rule.patterns().isEmpty() || (rule.rst() == null && rule.intent() == null)) {
                    problems.add("phrase rule " + rule.id() + " needs an id, patterns and an rst or intent");
                }
                if (rule.weight() <= 0) {
                    problems.add("phrase rule " + rule.id() + " needs a positive weight");
                }
                patterns.put(rule, compilePatterns("phrase rule " + rule.id(), rule.patterns(), problems));
            }
        }
        if (rules.offices() == null) {
            problems.add("offices is required");
        } else {
            for (Rst rst : Rst.values()) {
                if (!rules.offices().byRst().containsKey(rst)) {
                    problems.add("offices.byRst has no office for " + rst);
                }
            }
            double threshold = rules.offices().frontOfficeBelowConfidence();
            if (threshold < 0 || threshold > 1) {
                problems.add("offices.frontOfficeBelowConfidence must be between 0 and 1, was " + threshold);
            }
        }
        for (ConfidentialityRule rule : rules.confidentiality()) {
            if (rule.id() == null || rule.office() == null || (rule.patterns().isEmpty() && rule.intents().isEmpty())) {
                problems.add("confidentiality rule " + rule.id() + " needs an id, an office and patterns or intents");
            }
            patterns.put(rule, compilePatterns("confidentiality rule " + rule.id(), rule.patterns(), problems));
        }
        if (rules.priority() == null) {
            problems.add("priority is required");
        }
        for (Channel channel : Channel.values()) {
            Integer sla = rules.slaSeconds().get(channel);
            if (sla == null || sla <= 0) {
                problems.add("slaSeconds needs a positive value for " + channel);
            }
        }
        problems.addAll(TargetingLadder.problems(rules.targeting()));
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(source + ": " + String.join("; ", problems));
        }
        return new RuleSet(rules, source, version, patterns);
    }

    private static List<Pattern> compilePatterns(String owner, List<String> expressions, List<String> problems) {
        List<Pattern> compiled = new ArrayList<>();
        for (String expression : expressions) {
            try {
                compiled.add(Pattern.compile(expression));
            } catch (PatternSyntaxException e) {
                problems.add(owner + " has an invalid pattern '" + expression + "': " + e.getDescription());
            }
        }
        return compiled;
    }

    /** The text the first pattern of {@code rule} matched in {@code normalisedText}, if any. */
    public Optional<String> match(PhraseRule rule, String normalisedText) {
        return firstMatch(rule, normalisedText);
    }

    public Optional<String> match(ConfidentialityRule rule, String normalisedText) {
        return firstMatch(rule, normalisedText);
    }

    private Optional<String> firstMatch(Object rule, String text) {
        for (Pattern pattern : patterns.getOrDefault(rule, List.of())) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    public RoutingRules rules() {
        return rules;
    }

    public String source() {
        return source;
    }

    public String version() {
        return version;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public Office officeFor(Rst rst) {
        return rules.offices().byRst().get(rst);
    }
}
