package io.switchboard.adapter.phone.service;

import java.util.List;
import java.util.Locale;

/**
 * What the caller hears, as TwiML: no multiple-choice menu, the caller says in a few words what the call is
 * about (speech {@code <Gather>}), then waits in the queue. Callers from Dutch-speaking countries are spoken to in
 * Dutch, everyone else in English; speech recognition listens for the same language.
 */
public final class VoicePrompts {

    /** Country calling codes answered in Dutch: the Netherlands, Belgium, Suriname. */
    private static final List<String> DUTCH_COUNTRY_CODES = List.of("+31", "+32", "+597");

    private VoicePrompts() {
    }

    public enum Language {
        NL("nl-NL", "Welkom bij de klantenservice. Vertel ons in een paar woorden waarover u belt.",
                "Dank u wel. U wordt zo snel mogelijk geholpen, een moment geduld alstublieft."),
        EN("en-GB", "Welcome to customer service. Please tell us in a few words what your call is about.",
                "Thank you. We will be with you as soon as possible, please hold the line.");

        private final String locale;
        private final String greeting;
        private final String queued;

        Language(String locale, String greeting, String queued) {
            this.locale = locale;
            this.greeting = greeting;
            this.queued = queued;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Language fromCode(String code) {
            return "en".equalsIgnoreCase(code) ? EN : NL;
        }
    }

    public static Language languageFor(String callerE164) {
        if (callerE164 == null) {
            return Language.NL;
        }
        return DUTCH_COUNTRY_CODES.stream().anyMatch(callerE164::startsWith) || !callerE164.startsWith("+")
                ? Language.NL : Language.EN;
    }

    /**
     * Greets and listens. The action is called even when the caller says nothing, so every answered call becomes
     * a contact.
     */
    public static String greeting(Language language, String gatherAction) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Gather input=\"speech\" language=\"" + language.locale + "\" speechTimeout=\"auto\" timeout=\"6\""
                + " actionOnEmptyResult=\"true\" method=\"POST\" action=\"" + escape(gatherAction) + "\">"
                + "<Say language=\"" + language.locale + "\">" + escape(language.greeting) + "</Say>"
                + "</Gather></Response>";
    }

    /** Thanks the caller and puts them in the queue; leaving the queue is reported to {@code queueAction}. */
    public static String queued(Language language, String queue, String queueAction) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Say language=\"" + language.locale + "\">" + escape(language.queued) + "</Say>"
                + "<Enqueue method=\"POST\" action=\"" + escape(queueAction) + "\">" + escape(queue) + "</Enqueue>"
                + "</Response>";
    }

    public static String empty() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
