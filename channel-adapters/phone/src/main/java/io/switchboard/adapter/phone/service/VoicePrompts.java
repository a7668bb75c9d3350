package io.switchboard.adapter.phone.service;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiML;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Client;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Sip;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the caller hears, as TwiML built with the Twilio SDK: no multiple-choice menu, the caller says in a few
 * words what the call is about (speech {@code <Gather>}), then waits in the queue; outside business hours the
 * caller hears so and may press 1 to be called back. Callers from Dutch-speaking
 * countries are spoken to in Dutch, everyone else in English; speech recognition listens for the same language.
 * The documents depend only on the language and the configuration, so they are rendered once when the adapter
 * starts: the SDK serialises each one through newly looked-up JAXP factories, work that has no place on the event
 * loop that answers every call.
 */
public final class VoicePrompts {

    /** Country calling codes answered in Dutch: the Netherlands, Belgium, Suriname. */
    private static final List<String> DUTCH_COUNTRY_CODES = List.of("+31", "+32", "+597");

    public enum Language {
        NL(Gather.Language.NL_NL, Say.Language.NL_NL, Locale.forLanguageTag("nl-NL"), "EEEE d MMMM 'om' H:mm", """
                Welkom bij de klantenservice. Vertel ons in een paar woorden waarover u belt.""", """
                Dank u wel. U wordt zo snel mogelijk geholpen, een moment geduld alstublieft.""", """
                Welkom bij de klantenservice. We zijn op dit moment gesloten. Toets 1 als u wilt dat we u \
                terugbellen zodra we weer open zijn.""", """
                Welkom bij de klantenservice. We zijn op dit moment gesloten. Belt u ons gerust terug tijdens \
                onze openingstijden.""", """
                Dank u wel voor uw oproep. Tot ziens.""", """
                Dank u wel. We bellen u terug zodra we weer open zijn%s. Tot ziens.""", ", op %s", """
                Terugbelverzoek: de klant belde buiten openingstijden en vroeg om teruggebeld te worden.""", """
                Toets of zeg een cijfer van 0 tot en met 10, en sluit het toetsen af met een hekje.""", """
                Sorry, dat hebben we niet verstaan."""),
        EN(Gather.Language.EN_GB, Say.Language.EN_GB, Locale.UK, "EEEE d MMMM 'at' H:mm", """
                Welcome to customer service. Please tell us in a few words what your call is about.""", """
                Thank you. We will be with you as soon as possible, please hold the line.""", """
                Welcome to customer service. We are closed at the moment. Press 1 to be called back as soon as \
                we open.""", """
                Welcome to customer service. We are closed at the moment. Please call us again during our \
                opening hours.""", """
                Thank you for calling. Goodbye.""", """
                Thank you. We will call you back as soon as we open%s. Goodbye.""", ", on %s", """
                Callback request: the customer called outside opening hours and asked to be called back.""", """
                Press or say a number from 0 to 10; when pressing keys, finish with the hash key.""", """
                Sorry, we did not catch that.""");

        private final Gather.Language recognised;
        private final Say.Language spoken;
        private final DateTimeFormatter moment;
        private final String greeting;
        private final String queued;
        private final String closedWithCallback;
        private final String closed;
        private final String goodbye;
        private final String callbackConfirmed;
        private final String opensAt;
        private final String callbackRequest;
        private final String scoreKeys;
        private final String notUnderstood;

        Language(Gather.Language recognised, Say.Language spoken, Locale locale, String moment, String greeting,
                String queued, String closedWithCallback, String closed, String goodbye, String callbackConfirmed,
                String opensAt, String callbackRequest, String scoreKeys, String notUnderstood) {
            this.recognised = recognised;
            this.spoken = spoken;
            this.moment = DateTimeFormatter.ofPattern(moment, locale);
            this.greeting = greeting;
            this.queued = queued;
            this.closedWithCallback = closedWithCallback;
            this.closed = closed;
            this.goodbye = goodbye;
            this.callbackConfirmed = callbackConfirmed;
            this.opensAt = opensAt;
            this.callbackRequest = callbackRequest;
            this.scoreKeys = scoreKeys;
            this.notUnderstood = notUnderstood;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Language fromCode(String code) {
            return "en".equalsIgnoreCase(code) ? EN : NL;
        }

        /** The contact's text of a callback request: what the agent who takes it reads in the thread. */
        public String callbackRequest() {
            return callbackRequest;
        }

        /** What speech recognition listens for. */
        public Gather.Language recognised() {
            return recognised;
        }

        /** Spoken in this language. */
        public Say say(String text) {
            return new Say.Builder(text).language(spoken).build();
        }

        /** How to answer the survey on the keypad or by voice: the work-service's question names only the scale. */
        public String scoreKeys() {
            return scoreKeys;
        }

        public String notUnderstood() {
            return notUnderstood;
        }

        public String goodbye() {
            return goodbye;
        }

        /** "We will call you back as soon as we open, on Monday 7 December at 8:00", in the calendar's zone. */
        String callbackConfirmed(Optional<ZonedDateTime> opens) {
            return callbackConfirmed.formatted(opens.map(at -> opensAt.formatted(moment.format(at))).orElse(""));
        }
    }

    /** How long an agent's phone rings before the caller goes back to the queue. */
    private static final int AGENT_RING_SECONDS = 20;

    private final Map<Language, String> greetings;
    private final Map<Language, String> queued;
    private final Map<Language, String> closedWithCallback;
    private final Map<Language, String> closed;
    private final Map<Language, String> goodbye;
    private final String requeued;
    private final String hangUp;
    private final String empty;

    /**
     * @param gatherAction   where Twilio posts the caller's words; the language is passed on as {@code ?lang=}
     * @param queue          the Twilio queue callers wait in
     * @param queueAction    where Twilio reports that the caller left the queue
     * @param callbackAction where Twilio posts the key a caller pressed outside business hours ({@code ?lang=})
     */
    public VoicePrompts(String gatherAction, String queue, String queueAction, String callbackAction) {
        this.greetings = render(language -> greeting(language, gatherAction + "?lang=" + language.code()));
        this.queued = render(language -> queued(language, queue, queueAction));
        this.closedWithCallback = render(language -> closedWithCallback(language,
                callbackAction + "?lang=" + language.code()));
        this.closed = render(language -> saidAndDone(language, language.closed));
        this.goodbye = render(language -> saidAndDone(language, language.goodbye));
        this.requeued = new VoiceResponse.Builder().enqueue(enqueue(queue, queueAction)).build().toXml();
        this.hangUp = new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build().toXml();
        this.empty = new VoiceResponse.Builder().build().toXml();
    }

    public static Language languageFor(String callerE164) {
        if (callerE164 == null) {
            return Language.NL;
        }
        return DUTCH_COUNTRY_CODES.stream().anyMatch(callerE164::startsWith) || !callerE164.startsWith("+")
                ? Language.NL : Language.EN;
    }

    /** Greets and listens for what the call is about. */
    public String greeting(Language language) {
        return greetings.get(language);
    }

    /**
     * Outside business hours: says so and, when the caller's number is known, offers a callback (press 1); a caller
     * who presses nothing hears the goodbye.
     */
    public String closed(Language language, boolean callbackOffered) {
        return callbackOffered ? closedWithCallback.get(language) : closed.get(language);
    }

    /** Ends the call politely. */
    public String goodbye(Language language) {
        return goodbye.get(language);
    }

    /**
     * The callback is noted: says when the line opens, if the calendar said so, and ends the call. Rendered for each
     * call (the time differs), so it is asked for on a worker thread.
     */
    public static String callbackConfirmed(Language language, Optional<ZonedDateTime> opens) {
        return saidAndDone(language, language.callbackConfirmed(opens)).toXml();
    }

    /** Thanks the caller and puts them in the queue. */
    public String queued(Language language) {
        return queued.get(language);
    }

    /** Back in the queue, after the agent it was connected to did not answer. */
    public String requeued() {
        return requeued;
    }

    /** The caller talked to the agent: the call is over. */
    public String hangUp() {
        return hangUp;
    }

    /**
     * Connects the caller to an agent: a Twilio Client identity ({@code client:anna}), a SIP URI ({@code sip:…}) or
     * a phone number in E.164 ({@code +31…}). Twilio requests {@code action} when the dialled leg ends, with
     * {@code DialCallStatus}.
     *
     * @throws IllegalArgumentException for an address of another form
     */
    public static String connect(String agentAddress, String action) {
        Dial.Builder dial = new Dial.Builder().action(action).method(HttpMethod.POST).timeout(AGENT_RING_SECONDS);
        if (agentAddress.startsWith("client:")) {
            dial.client(new Client.Builder(agentAddress.substring("client:".length())).build());
        } else if (agentAddress.startsWith("sip:")) {
            dial.sip(new Sip.Builder(agentAddress).build());
        } else if (agentAddress.matches("\\+[1-9][0-9]{6,14}")) {
            dial.number(new Number.Builder(agentAddress).build());
        } else {
            throw new IllegalArgumentException("agent address '" + agentAddress + "' is neither client:<identity>, "
                    + "sip:<uri> nor an E.164 phone number");
        }
        return new VoiceResponse.Builder().dial(dial.build()).build().toXml();
    }

    /** Nothing to say: Twilio carries on with the call as it was. */
    public String empty() {
        return empty;
    }

    /** The action is called even when the caller says nothing, so every answered call becomes a contact. */
    private static VoiceResponse greeting(Language language, String gatherAction) {
        Gather gather = new Gather.Builder().inputs(Gather.Input.SPEECH).language(language.recognised)
                .speechTimeout("auto").timeout(6).actionOnEmptyResult(true).method(HttpMethod.POST)
                .action(gatherAction).say(language.say(language.greeting)).build();
        return new VoiceResponse.Builder().gather(gather).build();
    }

    /** Without a key pressed Twilio goes on to the goodbye after the {@code <Gather>}. */
    private static VoiceResponse closedWithCallback(Language language, String callbackAction) {
        Gather gather = new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(6)
                .method(HttpMethod.POST).action(callbackAction).say(language.say(language.closedWithCallback)).build();
        return new VoiceResponse.Builder().gather(gather).say(language.say(language.goodbye))
                .hangup(new Hangup.Builder().build()).build();
    }

    /** Says the text and hangs up. */
    private static VoiceResponse saidAndDone(Language language, String text) {
        return new VoiceResponse.Builder().say(language.say(text)).hangup(new Hangup.Builder().build()).build();
    }

    private static VoiceResponse queued(Language language, String queue, String queueAction) {
        return new VoiceResponse.Builder().say(language.say(language.queued))
                .enqueue(enqueue(queue, queueAction)).build();
    }

    private static Enqueue enqueue(String queue, String queueAction) {
        return new Enqueue.Builder(queue).method(HttpMethod.POST).action(queueAction).build();
    }

    private static Map<Language, String> render(Function<Language, TwiML> document) {
        Map<Language, String> rendered = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            rendered.put(language, document.apply(language).toXml());
        }
        return rendered;
    }
}
