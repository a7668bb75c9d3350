package io.switchboard.work.report;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One interval of one channel and office, with the measures of docs/metrics.md. Ratios are 0..1 and, like averages,
 * null when their denominator is zero ("no data" is not "0 %"); NPS is in points, −100..100.
 *
 * @param serviceLevel            answered within the channel's target ÷ (answered + abandoned after the target)
 * @param averageWaitSeconds      ASA: mean queued → first accept of the contacts answered in the interval
 * @param averageHandlingSeconds  AHT: mean accept → completion of the contacts completed in the interval
 * @param firstContactResolution  completed without escalation or repeat contact ÷ completed
 * @param escalations             escalations out of the office in the interval
 * @param nps                     % promoters (9–10) − % detractors (0–6) of the surveys answered in the interval
 * @param csat                    share of those answers scoring 8–10
 * @param revenue                 sum of the values of the offers accepted in the interval in {@code currency}
 *                                (an offer without one is in it; one in another currency counts as accepted only)
 * @param currency                revenue's currency, {@code switchboard.reports.currency}
 */
public record ReportRow(
        Instant from,
        Instant to,
        Channel channel,
        Office office,
        long offered,
        long answered,
        long abandoned,
        long shortAbandons,
        Double serviceLevel,
        Double averageWaitSeconds,
        long completed,
        Double averageHandlingSeconds,
        Double firstContactResolution,
        long escalations,
        long surveysSent,
        long surveysAnswered,
        Double nps,
        Double csat,
        long offersShown,
        long offersAccepted,
        BigDecimal revenue,
        String currency) {
}
