package io.switchboard.work.report;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The topics complaints are counted under, as the ops-service's ComplaintSurge names them: the first topic in
 * alphabetical order with one of its keywords (whole words or phrases, any case) in the complaint's text, else the
 * complaint's first required skill, else {@code other}. Without {@code switchboard.reports.complaint-topics} the
 * ops-service's default topics apply.
 */
@ApplicationScoped
public class ComplaintTopics {

    static final Map<String, List<String>> DEFAULTS = Map.of(
            "outage", List.of("outage", "storing", "internet", "no signal", "geen bereik", "down"),
            "billing", List.of("invoice", "factuur", "bill", "charged", "afgeschreven", "refund", "terugbetaling"),
            "delivery", List.of("delivery", "bezorging", "parcel", "pakket", "not arrived", "niet aangekomen"),
            "app", List.of("app", "login", "inloggen", "website", "password", "wachtwoord"));

    private final String[] topics;
    private final String[] patterns;

    public ComplaintTopics(ReportSettings settings) {
        Map<String, List<String>> configured = new TreeMap<>(
                settings.complaintTopics().isEmpty() ? DEFAULTS : settings.complaintTopics());
        this.topics = configured.keySet().toArray(String[]::new);
        this.patterns = configured.values().stream().map(ComplaintTopics::pattern).toArray(String[]::new);
    }

    /** Topic names in the order they are tried, for complaint_topic() (V13). */
    public String[] topics() {
        return topics.clone();
    }

    /** Their PostgreSQL patterns, matched case-insensitively ({@code ~*}). */
    public String[] patterns() {
        return patterns.clone();
    }

    /** Any keyword as a whole word or phrase: {@code \m} and {@code \M} are PostgreSQL's word start and end. */
    private static String pattern(List<String> keywords) {
        return keywords.stream().map(String::trim).map(ComplaintTopics::literal)
                .collect(Collectors.joining("|", "\\m(?:", ")\\M"));
    }

    private static String literal(String keyword) {
        return keyword.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }
}
