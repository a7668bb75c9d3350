package io.switchboard.ops.metrics;

import io.switchboard.contracts.LifecycleEventType;

/**
 * What happened to the contacts of one scope (a channel, office, intent or agent) in one second, or in total. Plain mutable
 * counters: {@link ChannelBoard} guards every access.
 */
final class Counts {

    long received;
    long routed;
    long joined;
    long offered;
    long answered;
    long answeredInTarget;
    long abandoned;
    long shortAbandons;
    long abandonedAfterTarget;
    long completed;
    long escalated;
    long firstContactResolved;
    long agentReportedResolved;
    long waitMillis;
    long handlingMillis;
    double cost;
    long repliesRequested;
    long repliesSent;
    long repliesDelivered;
    long repliesRead;
    long repliesFailed;
    long repliesUnconfirmed;
    long surveysSent;
    long surveysAnswered;
    long promoters;
    long passives;
    long detractors;
    long satisfied;
    long complaints;
    long offersShown;
    long offersAccepted;
    long offersInOtherCurrency;
    double revenue;

    /** One outbound message's step ({@code REPLY_*}), as the work-service applied it. */
    void replied(LifecycleEventType step) {
        switch (step) {
            case REPLY_REQUESTED -> repliesRequested++;
            case REPLY_SENT -> repliesSent++;
            case REPLY_DELIVERED -> repliesDelivered++;
            case REPLY_READ -> repliesRead++;
            case REPLY_FAILED -> repliesFailed++;
            case REPLY_UNCONFIRMED -> repliesUnconfirmed++;
            default -> throw new IllegalArgumentException(step + " is not a step of a reply");
        }
    }

    void clear() {
        add(this, -1);
    }

    void add(Counts other) {
        add(other, 1);
    }

    private void add(Counts other, int sign) {
        // clear() is add(this, -1): read every field before writing it.
        received += sign * other.received;
        routed += sign * other.routed;
        joined += sign * other.joined;
        offered += sign * other.offered;
        answered += sign * other.answered;
        answeredInTarget += sign * other.answeredInTarget;
        abandoned += sign * other.abandoned;
        shortAbandons += sign * other.shortAbandons;
        abandonedAfterTarget += sign * other.abandonedAfterTarget;
        completed += sign * other.completed;
        escalated += sign * other.escalated;
        firstContactResolved += sign * other.firstContactResolved;
        agentReportedResolved += sign * other.agentReportedResolved;
        waitMillis += sign * other.waitMillis;
        handlingMillis += sign * other.handlingMillis;
        cost += sign * other.cost;
        repliesRequested += sign * other.repliesRequested;
        repliesSent += sign * other.repliesSent;
        repliesDelivered += sign * other.repliesDelivered;
        repliesRead += sign * other.repliesRead;
        repliesFailed += sign * other.repliesFailed;
        repliesUnconfirmed += sign * other.repliesUnconfirmed;
        surveysSent += sign * other.surveysSent;
        surveysAnswered += sign * other.surveysAnswered;
        promoters += sign * other.promoters;
        passives += sign * other.passives;
        detractors += sign * other.detractors;
        satisfied += sign * other.satisfied;
        complaints += sign * other.complaints;
        offersShown += sign * other.offersShown;
        offersAccepted += sign * other.offersAccepted;
        offersInOtherCurrency += sign * other.offersInOtherCurrency;
        revenue += sign * other.revenue;
    }
}
