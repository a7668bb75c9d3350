package io.switchboard.routing.classification;

import java.util.List;
import java.util.Set;

/**
 * Tells Dutch from English by their most frequent function words, which short service texts nearly always
 * contain; an adapter-supplied language wins over the guess.
 */
public final class LanguageDetector {

    private static final Set<String> DUTCH = Set.of("de", "het", "een", "ik", "mijn", "niet", "en", "van",
            "wil", "graag", "u", "jullie", "wij", "kan", "kunnen", "op", "met", "voor", "naar", "dat", "die",
            "er", "al", "nog", "geen", "wat", "hoe", "waar", "wanneer", "bij", "ook", "maar", "zijn", "heb", "hebben",
            "werkt", "doet", "mij", "om", "te", "deze", "dit", "aan", "uit", "sinds", "dag", "goedemorgen",
            "hallo", "bedankt", "alstublieft", "mag", "moet", "gisteren", "vandaag", "morgen", "jij", "je");
    private static final Set<String> ENGLISH = Set.of("the", "a", "an", "i", "my", "not", "and", "of", "want",
            "would", "like", "please", "you", "your", "can", "could", "on", "with", "for", "to", "that", "this",
            "there", "already", "no", "what", "how", "where", "when", "at", "also", "but", "are", "have", "has",
            "works", "does", "it", "since", "day", "hello", "hi", "thanks", "thank", "may", "must", "yesterday",
            "today", "tomorrow", "im", "dont", "doesnt", "was", "be", "do", "get", "got", "from", "any");

    private final String defaultLanguage;

    public LanguageDetector(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    /** "nl" or "en": the declared language when there is one, else the language with more function words. */
    public String detect(String declared, List<String> words) {
        if (declared != null && (declared.startsWith("nl") || declared.startsWith("en"))) {
            return declared.substring(0, 2);
        }
        long dutch = words.stream().filter(DUTCH::contains).count();
        long english = words.stream().filter(ENGLISH::contains).count();
        if (dutch == english) {
            return defaultLanguage;
        }
        return dutch > english ? "nl" : "en";
    }
}
