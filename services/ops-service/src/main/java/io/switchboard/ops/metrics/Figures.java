package io.switchboard.ops.metrics;

/**
 * The measures of one scope over one period (a sliding window or since the start), as defined in architecture §1 and
 * docs/metrics.md. Ratios and averages are null when their denominator is zero: "no data" is not "0 %".
 *
 * @param offered                contacts that reached a queue
 * @param answered               contacts an agent accepted
 * @param abandoned              customers who left before being answered, short abandons included
 * @param shortAbandons          abandons within the short-abandon threshold (5 s), left out of the service level
 * @param averageWaitSeconds     ASA: mean wait (queued → accepted) of the answered contacts
 * @param p90WaitSeconds         90th percentile of those waits
 * @param serviceLevelContacts   the service level's denominator: answered + abandoned after the target
 * @param serviceLevel           answered within target ÷ (answered + abandoned after the target)
 * @param averageHandlingSeconds AHT: mean accepted → completed of the completed contacts
 * @param firstContactResolution completed without escalation and without a repeat contact (same customer, same
 *                               intent) within the repeat window ÷ completed
 * @param agentReportedResolution share of completed contacts the agent flagged as resolved at first contact
 * @param escalationRate         escalated ÷ (completed + escalated)
 * @param costPerContact         AHT × the channel's cost per handling minute ÷ its concurrency (per office, intent or
 *                               agent: each completed contact's handling at its channel's rate, averaged)
 * @param replies                what became of the agents' replies
 * @param surveys                the customers' answers to surveys: NPS, CSAT, response rate
 * @param offers                 next-best offers shown and taken, revenue
 */
public record Figures(
        long received,
        long routed,
        long joined,
        long offered,
        long answered,
        long completed,
        long abandoned,
        long shortAbandons,
        long escalated,
        Double averageWaitSeconds,
        Double p90WaitSeconds,
        long serviceLevelContacts,
        Double serviceLevel,
        Double averageHandlingSeconds,
        Double firstContactResolution,
        Double agentReportedResolution,
        Double escalationRate,
        Double costPerContact,
        ReplyFigures replies,
        SurveyFigures surveys,
        OfferFigures offers) {

    static Figures of(Counts counts, Long p90WaitMillis) {
        return new Figures(counts.received, counts.routed, counts.joined, counts.offered, counts.answered,
                counts.completed, counts.abandoned, counts.shortAbandons, counts.escalated,
                ratio(counts.waitMillis / 1000.0, counts.answered),
                p90WaitMillis == null ? null : p90WaitMillis / 1000.0,
                counts.answered + counts.abandonedAfterTarget,
                ratio(counts.answeredInTarget, counts.answered + counts.abandonedAfterTarget),
                ratio(counts.handlingMillis / 1000.0, counts.completed),
                ratio(counts.firstContactResolved, counts.completed),
                ratio(counts.agentReportedResolved, counts.completed),
                ratio(counts.escalated, counts.completed + counts.escalated),
                ratio(counts.cost, counts.completed),
                new ReplyFigures(counts.repliesRequested, counts.repliesSent, counts.repliesDelivered,
                        counts.repliesRead, counts.repliesFailed, counts.repliesUnconfirmed,
                        ratio(counts.repliesFailed, counts.repliesSent + counts.repliesFailed)),
                SurveyFigures.of(counts), OfferFigures.of(counts));
    }

    static Double ratio(double numerator, long denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
