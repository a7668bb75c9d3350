package io.switchboard.routing.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a word is about, in either language: a small bilingual lexicon of a service desk's topics. A word belongs to
 * a topic when it starts with one of the topic's stems, so inflections and Dutch compounds match too ("bestel"
 * covers "bestelling", "besteld", "bestellen"). The model learns what each topic means for each class, so an
 * English training contact about buying teaches it something about a Dutch one about "kopen", and a two-word
 * kiosk answer still carries a topic the training data has seen many times.
 */
final class ServiceTopics {

    // In a fixed order, so every instance builds its features, and so its model, identically.
    private static final Map<String, List<String>> STEMS = new TreeMap<>(Map.ofEntries(
            Map.entry("broken", List.of("kapot", "stuk", "defect", "storing", "broken", "broke", "faulty", "fault",
                    "error", "foutcode", "foutmelding", "crash", "haper", "bevries", "freez", "flicker", "knipper",
                    "trage", "traag", "slow", "uitgevallen", "outage", "down", "weg", "lekt", "leak", "valt uit",
                    "cuts out", "drops", "stopped", "gestopt", "storingscode", "error code")),
            Map.entry("network", List.of("internet", "wifi", "wlan", "verbinding", "connect", "signa", "bereik",
                    "coverage", "netwerk", "network", "modem", "router", "glasvezel", "fibre", "fiber", "mesh",
                    "kiestoon", "dial")),
            Map.entry("device", List.of("telefoon", "phone", "mobiel", "mobile", "laptop", "tablet", "televisie",
                    "decoder", "koptelefoon", "headphone", "smartwatch", "wasmachine", "printer", "scherm", "screen",
                    "afstandsbediening", "remote", "oplader", "charger", "soundbar", "speaker", "console", "koelkast",
                    "fridge", "oven", "vaatwasser", "dishwasher", "ketel", "boiler", "thermostaat", "thermostat",
                    "meter", "laadpaal", "charging point", "omvormer", "inverter", "camera", "deurbel", "doorbell")),
            Map.entry("visit", List.of("monteur", "technicus", "engineer", "technician", "installateur", "installer",
                    "langskom", "langs", "send someone", "iemand sturen", "aan huis", "at home")),
            Map.entry("install", List.of("install", "aansluit", "aangeslo", "aanleg", "plaats", "ophang", "hang it",
                    "hang the", "hang my", "mount", "monter", "richten", "bekabel", "cable", "kabel", "socket",
                    "wandcontactdoos", "fit", "verleg", "verplaats", "moved", "set up", "inbouw", "built in")),
            Map.entry("buy", List.of("kopen", "koop", "bestel", "order", "buy", "purchase", "aanschaf", "afsluit",
                    "aanvra", "take out", "sign me up", "afnemen")),
            Map.entry("offer", List.of("aanbieding", "aanbod", "actie", "korting", "deal", "discount", "offer",
                    "voordeel", "goedkoper", "cheap", "upgrad", "sneller", "faster", "bundel", "bundle", "combinatie",
                    "advies", "advice", "recommend", "overstap", "switch to", "worth", "offerte", "quote",
                    "prijsopgave", "voorstel", "proposal", "raad", "suggest", "twijfel", "consider", "overweeg")),
            Map.entry("question", List.of("hoeveel", "kost", "prijs", "price", "cost", "tarief", "wanneer", "when",
                    "hoe lang", "how long", "how much", "openingstijd", "open", "vraag", "question", "informatie",
                    "information", "waar", "where", "welke", "which", "verschil", "difference")),
            Map.entry("paperwork", List.of("factuur", "facturen", "invoice", "bon", "receipt", "kwitantie",
                    "bevestig", "confirm", "kopie", "copy", "bewijs", "proof", "brochure", "folder", "leaflet",
                    "pdf", "handleiding", "manual", "schriftelijk", "written", "voorwaarden", "terms")),
            Map.entry("displeasure", List.of("klacht", "complain", "ontevreden", "unhappy", "teleurgesteld",
                    "disappoint", "boos", "angry", "slecht", "worst", "terrible", "belachelijk", "ridiculous",
                    "schandalig", "joke", "niet normaal", "het zat", "fed up", "onbeschoft", "rude", "unfriendly",
                    "onvriendelijk", "waardeloos", "useless", "nooit", "never")),
            Map.entry("delivery", List.of("bezorg", "geleverd", "levering", "deliver", "pakket", "parcel",
                    "package", "courier", "koerier", "verzend", "verzonden", "ship", "retour", "refund",
                    "terugbetaal", "teruggestort")),
            Map.entry("reserve", List.of("reserv", "afspraak", "appointment", "book", "slot", "tijdslot", "plek",
                    "spot", "apart", "vasthoud", "hold", "workshop", "cursus", "demo")),
            Map.entry("mailing", List.of("nieuwsbrief", "newsletter", "mailing", "reclame", "promo", "marketing",
                    "afmeld", "aanmeld", "unsubscrib", "subscrib", "uitschrijv", "sms", "mails", "emails")),
            Map.entry("person", List.of("medewerker", "mens", "person", "persoon", "someone", "iemand", "manager",
                    "afdeling", "department", "doorverbind", "doorzet", "put through", "put me", "transfer",
                    "spreken", "speak", "talk", "operator", "representative", "terugbel", "call back")),
            Map.entry("damages", List.of("schade", "damage", "vergoed", "compens", "claim", "aansprakelijk",
                    "liable", "advocaat", "lawyer", "solicitor", "juridisch", "legal", "deurwaarder", "bailiff",
                    "incasso", "debt", "schuld", "rechter", "rechtbank", "court", "ombudsman", "geschillencommissie",
                    "dispute")),
            Map.entry("care", List.of("overleden", "died", "passed away", "deceased", "bewindvoerder", "curatele",
                    "volmacht", "attorney", "guardian", "dementie", "dementia", "mantelzorg", "scheiden", "divorce",
                    "fraude", "fraud", "gestolen", "stolen", "persoonsgegevens", "personal data", "gdpr", "avg",
                    "privacy", "minderjarig", "minor", "toegankelijk", "accessib", "doof", "deaf", "blind", "executeur",
                    "executor", "nalatenschap", "estate", "mentor", "bewind", "carer", "datalek", "data breach",
                    "identiteit", "identity", "politie", "police", "emigr", "slechtziend", "slechthorend",
                    "hard of hearing")),
            Map.entry("organisation", List.of("bedrijf", "zakelijk", "business", "company", "vestiging",
                    "locaties", "locations", "school", "gemeente", "municipality", "stichting", "foundation",
                    "charity", "tender", "aanbesteding", "service level", "vereniging", "association", "corporati",
                    "praktijk", "practice", "kantoor", "offices", "firm", "onderneme"))));

    private ServiceTopics() {
    }

    /** The topics of a normalised text, one feature each. */
    static List<String> of(NormalisedText text) {
        String padded = " " + text.text();
        List<String> topics = new ArrayList<>();
        STEMS.forEach((topic, stems) -> {
            for (String stem : stems) {
                if (padded.contains(" " + stem)) {
                    topics.add(topic);
                    return;
                }
            }
        });
        return topics;
    }
}
