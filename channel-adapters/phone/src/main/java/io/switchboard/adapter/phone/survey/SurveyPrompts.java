package io.switchboard.adapter.phone.survey;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import io.switchboard.adapter.phone.service.VoicePrompts;
import io.switchboard.adapter.phone.service.VoicePrompts.Language;

import java.util.List;

/**
 * What a caller hears in the post-call survey, after the agent hung up: the work-service's question with how to
 * answer it (keypad or voice), once more when the answer was no score, then the comment prompt, then the thanks.
 * Silence goes on to the thanks after each {@code <Gather>}: no answer is no answer. The texts differ per survey, so
 * these documents are rendered per call, on a worker thread (see {@link VoicePrompts}).
 */
public final class SurveyPrompts {

    /** Two keys: "10" is on the scale; a single key is taken when the caller finishes with # or waits. */
    private static final int SCORE_DIGITS = 2;
    private static final int SILENCE_SECONDS = 6;
    /** How often the question is asked before the caller is thanked anyway. */
    public static final int ATTEMPTS = 2;

    private SurveyPrompts() {
    }

    /**
     * Asks for the score; Twilio posts the keys or the words to {@code scoreAction} + the survey + {@code attempt}.
     *
     * @param attempt 1 for the first time, then 2 after an answer that was no score
     */
    public static String question(SurveyCall survey, String scoreAction, int attempt) {
        Language language = survey.language();
        Gather.Builder gather = new Gather.Builder().inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH))
                .numDigits(SCORE_DIGITS).timeout(SILENCE_SECONDS).speechTimeout("auto")
                .language(language.recognised()).method(HttpMethod.POST)
                .action(scoreAction + "?" + survey.query() + "&attempt=" + attempt);
        if (attempt > 1) {
            gather.say(language.say(language.notUnderstood()));
        }
        gather.say(language.say(survey.question())).say(language.say(language.scoreKeys()));
        return thanked(survey, new VoiceResponse.Builder().gather(gather.build()));
    }

    /** The score is in: asks for the comment when the survey has a prompt, else thanks. */
    public static String comment(SurveyCall survey, String commentAction, int score) {
        if (survey.commentPrompt() == null || survey.commentPrompt().isBlank()) {
            return thanks(survey);
        }
        Language language = survey.language();
        Gather gather = new Gather.Builder().inputs(Gather.Input.SPEECH).timeout(SILENCE_SECONDS).speechTimeout("auto")
                .language(language.recognised()).method(HttpMethod.POST)
                .action(commentAction + "?" + survey.query() + "&score=" + score)
                .say(language.say(survey.commentPrompt())).build();
        return thanked(survey, new VoiceResponse.Builder().gather(gather));
    }

    /** Thanks the caller and ends the call. */
    public static String thanks(SurveyCall survey) {
        return thanked(survey, new VoiceResponse.Builder());
    }

    private static String thanked(SurveyCall survey, VoiceResponse.Builder response) {
        Language language = survey.language();
        String thanks = survey.thanks() == null || survey.thanks().isBlank() ? language.goodbye() : survey.thanks();
        return response.say(language.say(thanks)).hangup(new Hangup.Builder().build()).build().toXml();
    }
}
