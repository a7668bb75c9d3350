package io.switchboard.ops.rest;

import io.switchboard.ops.metrics.Figures;
import io.switchboard.ops.metrics.OfferFigures;
import io.switchboard.ops.metrics.SurveyFigures;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/feedback}: per group (channel, office, intent or agent) what the customers said and
 * what the contacts earned, next to what their handling took, since the start and over the sliding windows.
 *
 * @param by       the grouping: {@code channel}, {@code office}, {@code intent} or {@code agent}
 * @param currency the currency of cost and revenue ({@code switchboard.ops.cost.currency})
 */
public record FeedbackReport(Instant at, String by, String currency, List<Group> groups) {

    /** One channel, office, intent or agent ({@code key}: its name or agent id). */
    public record Group(String key, Measures totals, Map<String, Measures> windows) {

        static Group of(String key, Figures totals, Map<String, Figures> windows) {
            Map<String, Measures> measures = new LinkedHashMap<>();
            windows.forEach((window, figures) -> measures.put(window, Measures.of(figures)));
            return new Group(key, Measures.of(totals), measures);
        }
    }

    /**
     * NPS next to AHT and FCR of the same contacts, so operations see whether longer handling buys a better score;
     * revenue per contact next to cost per contact (docs/metrics.md).
     */
    public record Measures(
            long completed,
            Double averageHandlingSeconds,
            Double firstContactResolution,
            Double costPerContact,
            SurveyFigures surveys,
            OfferFigures offers) {

        static Measures of(Figures figures) {
            return new Measures(figures.completed(), figures.averageHandlingSeconds(),
                    figures.firstContactResolution(), figures.costPerContact(), figures.surveys(), figures.offers());
        }
    }
}
