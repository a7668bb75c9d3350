package io.switchboard.ops.alerts;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Intent;
import io.switchboard.ops.metrics.OpsSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Customer service as a sensor: complaints per topic across all channels, compared with their own recent
 * baseline. The topic of a complaint is the first configured topic (alphabetically) with a keyword in its text,
 * else the first skill the routing engine required for it, else {@code other}.
 */
@ApplicationScoped
public class ComplaintSurge {

    static final String OTHER = "other";

    private record Complaint(Instant at, Channel channel) {
    }

    /** One topic's complaints in the surge window against the level that makes a surge. */
    public record Reading(String topic, long complaints, double threshold, double baselinePerWindow,
            Set<Channel> channels) {

        public boolean surging() {
            return complaints >= threshold;
        }
    }

    private final OpsSettings.Alerts settings;
    private final Map<String, Pattern> keywords;
    private final Map<String, Deque<Complaint>> byTopic = new TreeMap<>();

    public ComplaintSurge(OpsSettings settings) {
        this.settings = settings.alerts();
        this.keywords = keywordPatterns(this.settings.complaintTopics());
    }

    public synchronized void record(ContactRouted routed) {
        if (routed.intent() != Intent.COMPLAINT) {
            return;
        }
        Instant at = routed.routedAt() != null ? routed.routedAt() : routed.contact().receivedAt();
        byTopic.computeIfAbsent(topicOf(routed), t -> new ArrayDeque<>()).add(new Complaint(at, routed.channel()));
    }

    public String topicOf(ContactRouted routed) {
        String text = routed.contact().text() == null ? "" : routed.contact().text();
        return keywords.entrySet().stream()
                .filter(topic -> topic.getValue().matcher(text).find())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> routed.requiredSkills().isEmpty() ? OTHER : routed.requiredSkills().get(0));
    }

    /** Whole words or phrases, case-insensitive: "app" must not match "happy". Topics in alphabetical order. */
    private static Map<String, Pattern> keywordPatterns(Map<String, List<String>> topics) {
        Map<String, Pattern> patterns = new TreeMap<>();
        topics.forEach((topic, words) -> patterns.put(topic, Pattern.compile(
                words.stream().map(word -> "\\b" + Pattern.quote(word.trim()) + "\\b")
                        .collect(Collectors.joining("|")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        return patterns;
    }

    public synchronized List<Reading> readings(Instant now) {
        Instant windowStart = now.minus(settings.surgeWindow());
        Instant baselineStart = windowStart.minus(settings.surgeBaseline());
        double windowsPerBaseline = (double) settings.surgeBaseline().toMillis() / settings.surgeWindow().toMillis();
        List<Reading> readings = new ArrayList<>();
        byTopic.forEach((topic, complaints) -> {
            complaints.removeIf(complaint -> !complaint.at().isAfter(baselineStart));
            long current = 0;
            long baseline = 0;
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            for (Complaint complaint : complaints) {
                if (complaint.at().isAfter(windowStart)) {
                    current++;
                    channels.add(complaint.channel());
                } else {
                    baseline++;
                }
            }
            double baselinePerWindow = baseline / windowsPerBaseline;
            double threshold = Math.max(settings.surgeMinimum(), settings.surgeFactor() * baselinePerWindow);
            readings.add(new Reading(topic, current, threshold, baselinePerWindow, channels));
        });
        return readings;
    }
}
