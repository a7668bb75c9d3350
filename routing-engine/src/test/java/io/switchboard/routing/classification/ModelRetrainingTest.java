package io.switchboard.routing.classification;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;
import io.switchboard.routing.policy.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrain → evaluate → promote or refuse, on a real model directory: the agents' corrections of
 * {@value AgentCorrections#SAMPLE} are promoted as a new version that a fresh engine makes again from the directory; labels
 * that contradict the data set are refused with why, and the active version stays.
 */
class ModelRetrainingTest {

    private static RuleSet rules;

    @TempDir
    Path directory;

    @BeforeAll
    static void bundledRules() {
        rules = ClassificationEvaluation.bundledRules();
    }

    @Test
    void sensibleCorrectionsArePromotedAsANewVersionThatEnginesMakeAgain() {
        List<ClassificationCorrection> corrections = AgentCorrections.sample();
        ModelVersions versions = versions();
        ActiveModel bundled = versions.active();
        assertThat(bundled.promotion()).isEmpty();

        RetrainOutcome outcome = versions.retrain(bundled, corrections, rules).outcome();

        assertThat(outcome.promoted()).as(outcome.reason()).isTrue();
        assertThat(outcome.current()).isEqualTo(bundled.model().version());
        assertThat(outcome.candidate()).isNotEqualTo(outcome.current()).matches("m-[0-9a-f]{12}");
        assertThat(outcome.corrections()).isEqualTo(8);
        assertThat(outcome.correctionsBySource()).containsExactlyInAnyOrderEntriesOf(Map.of(
                ClassificationCorrection.Source.AGENT, 5, ClassificationCorrection.Source.ESCALATION, 3));
        assertThat(outcome.trainedOn()).isEqualTo(LabelledContacts.bundled().size() + 8);
        assertThat(outcome.candidateFigures().validatedOn()).isEqualTo(outcome.trainedOn());
        assertThat(outcome.candidateFigures().rstAccuracy()).isGreaterThanOrEqualTo(
                outcome.currentFigures().rstAccuracy() - PromotionRule.DEFAULT.noise());
        assertThat(outcome.reason()).startsWith("RST accuracy and intent accuracy not lower");
        assertThat(directory.resolve("ACTIVE")).hasContent(outcome.candidate());

        ActiveModel restarted = versions().active();
        assertThat(restarted.model().version()).isEqualTo(outcome.candidate());
        assertThat(restarted.corrections()).isEqualTo(corrections);
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
        List<ClassificationCorrection> wrong = LabelledContacts.bundled().stream()
                .filter(contact -> contact.rst() == Rst.ROUTINE)
                .limit(150)
                .map(contact -> AgentCorrections.of(contact.text(), contact.channel(), Rst.TECHNICAL,
                        Intent.FAULT_REPORT))
                .toList();
        ModelVersions versions = versions();

        RetrainOutcome outcome = versions.retrain(versions.active(), wrong, rules).outcome();

        assertThat(outcome.promoted()).isFalse();
        assertThat(outcome.reason()).contains("RST accuracy").contains("ROUTINE recall");
        assertThat(outcome.candidateFigures().rstAccuracy()).isLessThan(outcome.currentFigures().rstAccuracy());
        assertThat(directory.resolve("ACTIVE")).doesNotExist();
        assertThat(versions.active().model().version()).isEqualTo(outcome.current());
        assertThat(new ModelDirectory(directory).lastRefusal()).contains(outcome);
    }

    @Test
    void oneCorrectionMovesTheDecisionForItsTextWhereTheDataSetLeftTheModelUnsure() {
        ModelRetraining retraining = new ModelRetraining(LabelledContacts.bundled(), PromotionRule.DEFAULT);
        ContactClassifier bundled = new ContactClassifier(retraining.train(List.of()));
        // Unsure between a fault and an order: one agent's answer decides it.
        String remote = "the remote control does not respond anymore";
        assertThat(classify(bundled, remote).intent()).isEqualTo(Intent.FAULT_REPORT);
        assertThat(classify(trainedWith(retraining, remote, Rst.ROUTINE, Intent.ORDER), remote).intent())
                .isEqualTo(Intent.ORDER);
        // Sure, from many fault reports like it: one contradicting answer weighs against them and does not move it.
        String restarting = "my tv box keeps restarting every few minutes";
        assertThat(classify(bundled, restarting).rst()).isEqualTo(Rst.TECHNICAL);
        assertThat(classify(trainedWith(retraining, restarting, Rst.ROUTINE, Intent.INFORMATION), restarting)
                .rst()).isEqualTo(Rst.TECHNICAL);
    }

    @Test
    void theRuleAllowsNoLowerAccuracyBeyondTheNoiseOfTrainingAndASmallRecallDropOnly() {
        ModelFigures current = new ModelFigures(100, 0.90, Map.of(Rst.ROUTINE, 0.95, Rst.SPECIALIST, 0.80), 0.80);

        assertThat(PromotionRule.DEFAULT.refusal(current, current)).isEmpty();
        assertThat(PromotionRule.DEFAULT.refusal(
                new ModelFigures(100, 0.896, Map.of(Rst.ROUTINE, 0.95, Rst.SPECIALIST, 0.80), 0.796), current))
                .isEmpty();
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

    /** Trained on the bundled contacts and one agent's correction of {@code text}. */
    private static ContactClassifier trainedWith(ModelRetraining retraining, String text, Rst rst, Intent intent) {
        return new ContactClassifier(retraining.train(List.of(AgentCorrections.of(text, Channel.WHATSAPP, rst,
                intent))));
    }

    private static Classification classify(ContactClassifier classifier, String text) {
        return classifier.classify(new LabelledContact("probe", Channel.WHATSAPP, "en", false, text, Rst.ROUTINE,
                Intent.INFORMATION).received(), rules);
    }

    private ModelVersions versions() {
        return new ModelVersions(new ModelDirectory(directory), LabelledContacts.bundled(), PromotionRule.DEFAULT);
    }
}
