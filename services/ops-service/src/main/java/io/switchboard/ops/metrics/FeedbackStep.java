package io.switchboard.ops.metrics;

import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * A survey or offer step of contacts.lifecycle ({@code SURVEY_SENT}, {@code SURVEY_ANSWERED}, {@code OFFER_SHOWN},
 * {@code OFFER_ACCEPTED}), its details read and checked before anything is counted: a score that is not a whole
 * number 0–10 or a value that is not a decimal refuses the event (dead letter) instead of counting half of it.
 *
 * @param score      the answer's score, null for a comment only
 * @param complaint  a low score's comment opened a follow-up item
 * @param value      an accepted offer's value in the configured currency; 0 when none or in another currency
 * @param otherCurrency an accepted offer whose value is in another currency, left out of revenue
 */
record FeedbackStep(LifecycleEventType type, Integer score, boolean complaint, double value, boolean otherCurrency) {

    static final Set<LifecycleEventType> TYPES = EnumSet.of(LifecycleEventType.SURVEY_SENT,
            LifecycleEventType.SURVEY_ANSWERED, LifecycleEventType.OFFER_SHOWN, LifecycleEventType.OFFER_ACCEPTED);

    /** The step of a feedback event, or null for any other step. */
    static FeedbackStep of(LifecycleEvent event, String currency) {
        if (!TYPES.contains(event.type())) {
            return null;
        }
        Integer score = event.type() == LifecycleEventType.SURVEY_ANSWERED ? score(event) : null;
        boolean complaint = Boolean.parseBoolean(event.details().get("complaint"));
        String value = event.type() == LifecycleEventType.OFFER_ACCEPTED ? event.details().get("value") : null;
        if (value == null) {
            return new FeedbackStep(event.type(), score, complaint, 0, false);
        }
        // An offer recorded without a currency is in the organisation's own.
        boolean otherCurrency = !currency.equalsIgnoreCase(event.details().getOrDefault("currency", currency));
        return new FeedbackStep(event.type(), null, false, otherCurrency ? 0 : decimal(value), otherCurrency);
    }

    /** Promoters score 9–10, passives 7–8, detractors 0–6; satisfied (CSAT) is 8–10. */
    void countIn(Counts counts) {
        switch (type) {
            case SURVEY_SENT -> counts.surveysSent++;
            case SURVEY_ANSWERED -> {
                if (complaint) {
                    counts.complaints++;
                }
                if (score != null) {
                    counts.surveysAnswered++;
                    if (score >= 9) {
                        counts.promoters++;
                    } else if (score >= 7) {
                        counts.passives++;
                    } else {
                        counts.detractors++;
                    }
                    if (score >= 8) {
                        counts.satisfied++;
                    }
                }
            }
            case OFFER_SHOWN -> counts.offersShown++;
            case OFFER_ACCEPTED -> {
                counts.offersAccepted++;
                counts.revenue += value;
                if (otherCurrency) {
                    counts.offersInOtherCurrency++;
                }
            }
            default -> throw new IllegalStateException(type + " is not a feedback step");
        }
    }

    private static Integer score(LifecycleEvent event) {
        String score = event.details().get("score");
        if (score == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(score.trim());
            if (value >= 0 && value <= 10) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("survey score '" + score + "' is not a whole number from 0 to 10");
    }

    private static double decimal(String value) {
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            if (amount.signum() >= 0) {
                return amount.doubleValue();
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("offer value '" + value + "' is not a decimal of at least 0");
    }
}
