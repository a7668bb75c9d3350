package io.switchboard.routing.policy;

import io.switchboard.contracts.ContactRouted.TargetingStep;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The targeting steps the bundled rules give, and what a rules file may not say about them. */
class TargetingLadderTest {

    private final RuleSet bundled = new RoutingRulesStore(Optional.empty(), Duration.ofSeconds(2)).current();

    @Test
    void aSkilledContactIsOpenToTheWholeOfficeAfterAMinuteAndToTheFrontOfficeAfterFour() {
        List<TargetingStep> ladder = ladder(Intent.COMPLEX_INQUIRY, Office.BACK_OFFICE, List.of("specialist"));

        assertThat(ladder).containsExactly(new TargetingStep(0, List.of("specialist"), Office.BACK_OFFICE),
                new TargetingStep(60, List.of(), Office.BACK_OFFICE),
                new TargetingStep(240, List.of(), Office.FRONT_OFFICE));
        assertThat(TargetingLadder.describe(ladder)).isEqualTo("Targeting: BACK_OFFICE agents with specialist; "
                + "after 60 s any BACK_OFFICE agent; after 240 s any FRONT_OFFICE agent.");
    }

    @Test
    void stepsThatChangeNothingAreLeftOut() {
        assertThat(ladder(Intent.COMPLAINT, Office.FRONT_OFFICE, List.of("complaints"))).containsExactly(
                new TargetingStep(0, List.of("complaints"), Office.FRONT_OFFICE),
                new TargetingStep(60, List.of(), Office.FRONT_OFFICE));
        assertThat(ladder(Intent.INFORMATION, Office.FRONT_OFFICE, List.of()))
                .containsExactly(new TargetingStep(0, List.of(), Office.FRONT_OFFICE));
    }

    @Test
    void theOfficesStepsApplyWhenTheIntentHasNone() {
        assertThat(ladder(Intent.TECHNICIAN_VISIT, Office.TECHNICIANS, List.of("field-planning"))).containsExactly(
                new TargetingStep(0, List.of("field-planning"), Office.TECHNICIANS),
                new TargetingStep(60, List.of(), Office.TECHNICIANS),
                new TargetingStep(600, List.of(), Office.FRONT_OFFICE));
    }

    @Test
    void withoutATargetingSectionSkillsAreDroppedAfterAMinute(@TempDir Path dir) throws IOException {
        String withoutTargeting = bundledYaml().substring(0, bundledYaml().indexOf("\n# Who may take a contact"));
        RuleSet rules = store(dir, withoutTargeting).current();

        assertThat(TargetingLadder.of(Office.FRONT_OFFICE, List.of("complaints"),
                rules.rules().targeting().stepsFor(Intent.COMPLAINT, Office.FRONT_OFFICE))).containsExactly(
                new TargetingStep(0, List.of("complaints"), Office.FRONT_OFFICE),
                new TargetingStep(60, List.of(), Office.FRONT_OFFICE));
    }

    @Test
    void stepsOutOfOrderAreRefusedWithTheReason(@TempDir Path dir) throws IOException {
        String unordered = bundledYaml().replace("    - afterSeconds: 240", "    - afterSeconds: 30");

        assertThatThrownBy(() -> store(dir, unordered)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("targeting.default: afterSeconds must grow from step to step and be above 0, "
                        + "was 30 after 60");
    }

    private List<TargetingStep> ladder(Intent intent, Office office, List<String> skills) {
        return TargetingLadder.of(office, skills, bundled.rules().targeting().stepsFor(intent, office));
    }

    private static RoutingRulesStore store(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, yaml);
        return new RoutingRulesStore(Optional.of(file.toString()), Duration.ofHours(1));
    }

    private static String bundledYaml() throws IOException {
        try (InputStream in = TargetingLadderTest.class.getClassLoader().getResourceAsStream("routing-rules.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
