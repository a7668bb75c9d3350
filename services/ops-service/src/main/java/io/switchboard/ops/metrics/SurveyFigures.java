package io.switchboard.ops.metrics;

/**
 * The customers' survey answers of one scope over one period, by the {@code SURVEY_SENT} and
 * {@code SURVEY_ANSWERED} steps the work-service published on contacts.lifecycle (docs/metrics.md, "feedback"), each
 * placed at its own {@code occurredAt}: an answer counts in the period it was given, not when its contact was handled.
 *
 * @param sent         surveys put to customers
 * @param answered     answers with a score (a comment alone is not an answer)
 * @param promoters    answers scoring 9–10
 * @param passives     answers scoring 7–8
 * @param detractors   answers scoring 0–6
 * @param satisfied    answers scoring 8–10 (CSAT)
 * @param complaints   detractors' comments that opened a follow-up item for the back office
 * @param nps          net promoter score in points, −100..100: (promoters − detractors) ÷ answered × 100
 * @param csat         satisfied ÷ answered
 * @param responseRate answered ÷ sent; in a short window the answers may be to surveys sent before it, so it can
 *                     exceed 1 there
 */
public record SurveyFigures(
        long sent,
        long answered,
        long promoters,
        long passives,
        long detractors,
        long satisfied,
        long complaints,
        Double nps,
        Double csat,
        Double responseRate) {

    static SurveyFigures of(Counts counts) {
        return new SurveyFigures(counts.surveysSent, counts.surveysAnswered, counts.promoters, counts.passives,
                counts.detractors, counts.satisfied, counts.complaints,
                Figures.ratio(100.0 * (counts.promoters - counts.detractors), counts.surveysAnswered),
                Figures.ratio(counts.satisfied, counts.surveysAnswered),
                Figures.ratio(counts.surveysAnswered, counts.surveysSent));
    }
}
