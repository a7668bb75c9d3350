package io.switchboard.work.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.switchboard.contracts.Channel;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Who is asked for a satisfaction survey, when, and in which words ({@link SurveyScheduler}). */
@ConfigMapping(prefix = "switchboard.survey")
public interface SurveySettings {

    /** Whether anyone is surveyed: off, the scheduler still walks completed items, so none is asked late. */
    @WithDefault("true")
    boolean enabled();

    /** The channels whose customers are surveyed after a completed item (public posts never are). */
    @WithDefault("PHONE,WHATSAPP,SOCIAL,WEBSHOP,STORE")
    Set<Channel> channels();

    /** How long after its completion an item's customer is asked (the phone asks right after the call). */
    @WithDefault("PT1M")
    Duration delay();

    /** The rate limit: a customer surveyed this recently is not asked again. */
    @WithDefault("P30D")
    Duration minInterval();

    /** How long a WhatsApp text that begins with a number 0–10 counts as the answer to an unanswered survey. */
    @WithDefault("P2D")
    Duration answerWindow();

    /** How often completed items are looked at, and how many at most per statement. */
    @WithDefault("10s")
    Duration interval();

    @WithDefault("500")
    int batch();

    /** Scores up to this one are a detractor's (0–6): with a comment they open a follow-up for the back office. */
    @WithDefault("6")
    int followUpThreshold();

    /** The follow-up's service level in the back office's queue, and its priority. */
    @WithDefault("P1D")
    Duration followUpSla();

    @WithDefault("50")
    int followUpPriority();

    /** The survey's words per language ({@code nl}, {@code en}; other languages get {@code en}). */
    Map<String, Texts> texts();

    interface Texts {

        /** How likely the customer is to recommend the organisation, 0–10. */
        String question();

        /** Asks for the optional comment. */
        String commentPrompt();

        /** Said or sent once the customer answered. */
        String thanks();
    }
}
