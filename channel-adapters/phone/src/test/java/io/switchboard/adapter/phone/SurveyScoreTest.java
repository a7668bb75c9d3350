package io.switchboard.adapter.phone;

import io.switchboard.adapter.phone.survey.SurveyScore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a caller presses or says is read as a score 0–10, or as none. */
class SurveyScoreTest {

    @Test
    void keysAreAWholeNumberOnTheScale() {
        assertThat(SurveyScore.of("9", null)).contains(9);
        assertThat(SurveyScore.of("10", null)).contains(10);
        assertThat(SurveyScore.of("0", null)).contains(0);
        assertThat(SurveyScore.of("42", null)).isEmpty();
        assertThat(SurveyScore.of("*", null)).isEmpty();
    }

    @Test
    void wordsAndNumbersAreReadInDutchAndEnglish() {
        assertThat(SurveyScore.of(null, "acht")).contains(8);
        assertThat(SurveyScore.of(null, "Eight.")).contains(8);
        assertThat(SurveyScore.of(null, "8.")).contains(8);
        assertThat(SurveyScore.of(null, "Zeven")).contains(7);
        assertThat(SurveyScore.of(null, "tien")).contains(10);
        assertThat(SurveyScore.of(null, "nul")).contains(0);
        assertThat(SurveyScore.of(null, "één")).contains(1);
    }

    @Test
    void theFirstNumberSaidCountsAndTheDutchArticleIsNoOne() {
        assertThat(SurveyScore.of(null, "ik geef jullie een acht")).contains(8);
        assertThat(SurveyScore.of(null, "eight out of ten")).contains(8);
        assertThat(SurveyScore.of(null, "I'd give you a 9 out of 10")).contains(9);
    }

    @Test
    void anythingElseIsNoScore() {
        assertThat(SurveyScore.of(null, "banaan")).isEmpty();
        assertThat(SurveyScore.of(null, "100")).isEmpty();
        assertThat(SurveyScore.of(null, "7,5")).isEmpty();
        assertThat(SurveyScore.of(null, "elf")).isEmpty();
        assertThat(SurveyScore.of(null, "")).isEmpty();
        assertThat(SurveyScore.of(null, null)).isEmpty();
    }
}
