package io.switchboard.work.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Json;
import io.switchboard.work.repository.SurveyRepository.Asking;
import io.switchboard.work.repository.SurveyRepository.FollowUp;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who may be asked now and in which words: the statements that put surveys (the scheduler's, the phone's CONNECT)
 * choose the customer's language among the configured texts themselves, English when theirs has none.
 */
@ApplicationScoped
public class SurveyQuestions {

    private final SurveySettings settings;
    private final String texts;

    public SurveyQuestions(SurveySettings settings) {
        this.settings = settings;
        if (!settings.texts().containsKey("en")) {
            throw new IllegalStateException("switchboard.survey.texts.en.* are needed: customers in a language "
                    + "without texts are asked in English");
        }
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        settings.texts().forEach((language, words) -> byLanguage.put(language, Map.of("question", words.question(),
                "commentPrompt", words.commentPrompt(), "thanks", words.thanks())));
        try {
            this.texts = Json.mapper().writeValueAsString(byLanguage);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Asking asking(Instant now) {
        String[] channels = settings.enabled() ? settings.channels().stream().map(Channel::name).toArray(String[]::new)
                : new String[0];
        return new Asking(now, channels,
                now.minus(settings.minInterval()), texts);
    }

    public FollowUp followUp() {
        return new FollowUp(settings.followUpThreshold(), settings.followUpSla(), settings.followUpPriority());
    }
}
