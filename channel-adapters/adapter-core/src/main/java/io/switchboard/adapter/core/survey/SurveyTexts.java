package io.switchboard.adapter.core.survey;

import java.util.List;
import java.util.Locale;

/**
 * What the adapter itself says around a survey, in Dutch or English: the mail's subject and scale, the page's
 * headings and buttons. The question, comment prompt and thanks in the mail come from the work-service
 * ({@code SurveyQuestion}); the page is served later, without them.
 */
record SurveyTexts(String language, String subject, String pickAScore, String scale, String title, String yourScore,
        String commentLabel, String send, String thanks, String thanksDetail, String invalidLink,
        String invalidLinkDetail, String noAnswer, String unavailable) {

    static final SurveyTexts EN = new SurveyTexts("en", "How did we do?",
            "Click the number that fits best:", "0 = not at all likely, 10 = extremely likely",
            "Your answer to our survey", "Your score", "Would you like to tell us why? (optional)", "Send",
            "Thank you", "Your answer has been recorded. You can change it with any link in the mail.",
            "This link is not valid",
            "It may have been copied incompletely. Please use a link from the mail we sent you.",
            "Please choose a score or write a comment.",
            "We could not record your answer just now. Please try again in a minute.");

    static final SurveyTexts NL = new SurveyTexts("nl", "Hoe hebben we u geholpen?",
            "Klik op het cijfer dat het best past:", "0 = zeer onwaarschijnlijk, 10 = zeer waarschijnlijk",
            "Uw antwoord op onze enquête", "Uw cijfer", "Wilt u ons vertellen waarom? (niet verplicht)", "Versturen",
            "Dank u wel", "Uw antwoord is ontvangen. U kunt het wijzigen met elke link in de mail.",
            "Deze link is niet geldig",
            "Misschien is hij niet helemaal gekopieerd. Gebruik een link uit de mail die we u stuurden.",
            "Kies een cijfer of schrijf een opmerking.",
            "We konden uw antwoord nu niet opslaan. Probeer het over een minuut opnieuw.");

    /** Dutch for {@code nl}, {@code nl-BE} and the like; English otherwise. */
    static SurveyTexts of(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("nl") ? NL : EN;
    }

    /** The first of the browser's preferred languages that the page speaks, else English. */
    static SurveyTexts of(String requested, List<Locale> acceptable) {
        if (requested != null && !requested.isBlank()) {
            return of(requested);
        }
        return acceptable.stream().map(Locale::getLanguage).filter(code -> code.equals("nl") || code.equals("en"))
                .findFirst().map(SurveyTexts::of).orElse(EN);
    }
}
