package io.switchboard.routing.classification;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;
import io.switchboard.routing.policy.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrain → evaluate → promote or refuse, on a real model directory: the agents' corrections of
 * {@value #CORRECTIONS} are promoted as a new version that a fresh engine makes again from the directory; labels
 * that contradict the data set are refused with why, and the active version stays.
 */
class ModelRetrainingTest {

    static final String CORRECTIONS = "classification/corrections.jsonl";

    private static RuleSet rules;

    @TempDir
    Path directory;

    @BeforeAll
    static void bundledRules() {
        rules = ClassificationEvaluation.bundledRules();
    }

    @Test
    void sensibleCorrectionsArePromotedAsANewVersionThatEnginesMakeAgain() throws IOException {
        Path corrections = copyOfCorrections();
        ModelVersions versions = versions();
        ActiveModel bundled = versions.active();
        assertThat(bundled.promotion()).isEmpty();

        RetrainOutcome outcome = versions.retrain(bundled, corrections, rules).outcome();

        assertThat(outcome.promoted()).as(outcome.reason()).isTrue();
        assertThat(outcome.current()).isEqualTo(bundled.model().version());
        assertThat(outcome.candidate()).isNotEqualTo(outcome.current()).matches("m-[0-9a-f]{12}");
        assertThat(outcome.corrections()).isEqualTo(8);
        assertThat(outcome.trainedOn()).isEqualTo(LabelledContacts.bundled().size() + 8);
        assertThat(outcome.candidateFigures().validatedOn()).isEqualTo(outcome.trainedOn());
        assertThat(outcome.candidateFigures().rstAccuracy()).isGreaterThanOrEqualTo(
                outcome.currentFigures().rstAccuracy());
        assertThat(outcome.reason()).startsWith("RST accuracy and intent accuracy not lower");
        assertThat(directory.resolve("ACTIVE")).hasContent(outcome.candidate());

        ActiveModel restarted = versions().active();
        assertThat(restarted.model().version()).isEqualTo(outcome.candidate());
        assertThat(restarted.corrections()).hasSize(8);
        assertThat(restarted.promotion()).contains(outcome);

        RetrainOutcome again = versions.retrain(restarted, corrections, rules).outcome();
        assertThat(again.promoted()).isFalse();
        assertThat(again.reason()).isEqualTo("the candidate is the active model: no new corrections");
        assertThat(directory.resolve("ACTIVE")).hasContent(outcome.candidate());
        assertThat(new ModelDirectory(directory).lastRefusal()).contains(again);
    }

    @Test
    void correctionsThatContradictTheDataSetAreRefusedWithWhy() {
        // 150 routine questions "corrected" into fault reports: a candidate that learns them routes worse.
        List<Correction> wrong = LabelledContacts.bundled().stream()
                .filter(contact -> contact.rst() == Rst.ROUTINE)
                .limit(150)
                .map(contact -> new Correction(UUID.randomUUID().toString(), contact.text(), contact.channel(),
                        contact.language(), contact.publicPost(), Rst.TECHNICAL, Intent.FAULT_REPORT, "misclick",
                        Correction.Source.AGENT_CORRECTION, Instant.parse("2026-11-30T12:00:00Z")))
                .toList();
        Path file = directory.resolve("corrections.jsonl");
        Corrections.write(file, wrong);
        ModelVersions versions = versions();

        RetrainOutcome outcome = versions.retrain(versions.active(), file, rules).outcome();

        assertThat(outcome.promoted()).isFalse();
        assertThat(outcome.reason()).contains("RST accuracy").contains("ROUTINE recall");
        assertThat(outcome.candidateFigures().rstAccuracy()).isLessThan(outcome.currentFigures().rstAccuracy());
        assertThat(directory.resolve("ACTIVE")).doesNotExist();
        assertThat(versions.active().model().version()).isEqualTo(outcome.current());
        assertThat(new ModelDirectory(directory).lastRefusal()).contains(outcome);
    }

    @Test
    void theRuleAllowsNoLowerAccuracyAndASmallRecallDropOnly() {
        ModelFigures current = new ModelFigures(100, 0.90, Map.of(Rst.ROUTINE, 0.95, Rst.SPECIALIST, 0.80), 0.80);

        assertThat(PromotionRule.DEFAULT.refusal(current, current)).isEmpty();
        assertThat(PromotionRule.DEFAULT.refusal(
                new ModelFigures(100, 0.91, Map.of(Rst.ROUTINE, 0.97, Rst.SPECIALIST, 0.76), 0.80), current))
                .isEmpty();
        assertThat(PromotionRule.DEFAULT.refusal(
                new ModelFigures(100, 0.92, Map.of(Rst.ROUTINE, 0.99, Rst.SPECIALIST, 0.74), 0.81), current))
                .contains("SPECIALIST recall 0.740 is more than 0.05 below 0.800");
        assertThat(PromotionRule.DEFAULT.refusal(
                new ModelFigures(100, 0.89, Map.of(Rst.ROUTINE, 0.95, Rst.SPECIALIST, 0.80), 0.79), current))
                .contains("RST accuracy 0.890 < 0.900; intent accuracy 0.790 < 0.800");
    }

    @Test
    void aContactCorrectedTwiceCountsOnceWithTheLatestLabels() throws IOException {
        Path file = directory.resolve("twice.jsonl");
        Files.writeString(file, """
                {"contactId":"c-1","text":"internet doet het niet","channel":"PHONE","language":"nl","public":false,"rst":"TECHNICAL","intent":"FAULT_REPORT","reason":"later","source":"ESCALATION","correctedAt":"2026-11-30T10:00:00Z"}
                {"contactId":"c-1","text":"internet doet het niet","channel":"PHONE","language":"nl","public":false,"rst":"ROUTINE","intent":"INFORMATION","reason":"first","source":"AGENT_CORRECTION","correctedAt":"2026-11-30T09:00:00Z"}
                """);

        assertThat(Corrections.read(file)).singleElement().satisfies(correction -> {
            assertThat(correction.reason()).isEqualTo("later");
            assertThat(correction.example()).isEqualTo(new LabelledContact("correction:c-1",
                    Channel.PHONE, "nl", false, "internet doet het niet", Rst.TECHNICAL,
                    Intent.FAULT_REPORT));
        });
    }

    private ModelVersions versions() {
        return new ModelVersions(new ModelDirectory(directory), LabelledContacts.bundled(), PromotionRule.DEFAULT);
    }

    private Path copyOfCorrections() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CORRECTIONS)) {
            Path file = directory.resolve("corrections.jsonl");
            Files.write(file, in.readAllBytes());
            return file;
        }
    }
}
