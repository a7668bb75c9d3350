package io.switchboard.work.service;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.ContactRouted.TargetingStep;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.service.IntakePlan.ConversationKey;
import io.switchboard.work.service.IntakePlan.EarlyAbandon;
import io.switchboard.work.service.IntakePlan.Found;
import io.switchboard.work.service.IntakePlan.OpenSurvey;
import io.switchboard.work.service.IntakePlan.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The decisions for a whole batch, against what the database holds (the SQL side is tested through the service). */
class IntakePlanTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Found NOTHING = new Found(Set.of(), Map.of(), Map.of(), Map.of());
    private static final Duration RELAX = Duration.ofSeconds(60);

    @Test
    void newCustomersOpenItemsThatQueueInBatchOrder() {
        ContactRouted a = routed("a", "phone:+31600000001", Channel.WHATSAPP);
        ContactRouted b = routed("b", "phone:+31600000002", Channel.WHATSAPP);

        IntakePlan plan = IntakePlan.of(List.of(a, b), NOTHING, NOW, RELAX);

        assertThat(plan.outcomes()).containsExactly(Outcome.QUEUED, Outcome.QUEUED);
        assertThat(plan.items()).extracting(IntakePlan.NewItem::contactId).containsExactly("a", "b");
        assertThat(plan.items().get(0).queuedAt()).isBefore(plan.items().get(1).queuedAt());
        assertThat(plan.items()).allSatisfy(item -> {
            assertThat(item.state()).isEqualTo(WorkState.QUEUED);
            assertThat(item.eventType()).isEqualTo("QUEUED");
            assertThat(item.language()).isEqualTo("nl");
        });
        assertThat(plan.messages()).extracting(IntakePlan.NewMessage::workItemId)
                .containsExactly(plan.items().get(0).id(), plan.items().get(1).id());
    }

    @Test
    void followUpsJoinTheOpenItemOrTheOneOpenedEarlierInTheBatch() {
        UUID open = UUID.randomUUID();
        Found found = new Found(Set.of(),
                Map.of(new ConversationKey("phone:+31600000001", Channel.WHATSAPP), open), Map.of(), Map.of());
        ContactRouted joinsStored = routed("a", "phone:+31600000001", Channel.WHATSAPP);
        ContactRouted opens = routed("b", "phone:+31600000002", Channel.WHATSAPP);
        ContactRouted joinsNew = routed("c", "phone:+31600000002", Channel.WHATSAPP);
        ContactRouted otherChannel = routed("d", "phone:+31600000002", Channel.PHONE);

        IntakePlan plan = IntakePlan.of(List.of(joinsStored, opens, joinsNew, otherChannel), found, NOW, RELAX);

        assertThat(plan.outcomes()).containsExactly(Outcome.JOINED, Outcome.QUEUED, Outcome.JOINED, Outcome.QUEUED);
        assertThat(plan.items()).extracting(IntakePlan.NewItem::contactId).containsExactly("b", "d");
        assertThat(plan.messages()).extracting(IntakePlan.NewMessage::workItemId)
                .containsExactly(open, plan.items().get(0).id(), plan.items().get(0).id(), plan.items().get(1).id());
    }

    @Test
    void recordedContactsAndRepeatsWithinTheBatchAreDuplicates() {
        ContactRouted known = routed("a", "phone:+31600000001", Channel.WHATSAPP);
        ContactRouted fresh = routed("b", "phone:+31600000002", Channel.SOCIAL);

        IntakePlan plan = IntakePlan.of(List.of(known, fresh, fresh), new Found(Set.of("a"), Map.of(), Map.of(), Map.of()), NOW,
                RELAX);

        assertThat(plan.outcomes()).containsExactly(Outcome.DUPLICATE, Outcome.QUEUED, Outcome.DUPLICATE);
        assertThat(plan.items()).hasSize(1);
        assertThat(plan.messages()).hasSize(1);
    }

    @Test
    void aContactWhoseCustomerAlreadyLeftIsStoredAbandonedAndOpensNoConversation() {
        Instant hungUp = NOW.minusSeconds(3);
        Found found = new Found(Set.of(), Map.of(),
                Map.of("a", new EarlyAbandon(hungUp, Map.of("reason", "caller hung up"))), Map.of());
        ContactRouted call = routed("a", "phone:+31600000001", Channel.PHONE);
        ContactRouted callBack = routed("b", "phone:+31600000001", Channel.PHONE);

        IntakePlan plan = IntakePlan.of(List.of(call, callBack), found, NOW, RELAX);

        assertThat(plan.outcomes()).containsExactly(Outcome.ABANDONED, Outcome.QUEUED);
        IntakePlan.NewItem abandoned = plan.items().get(0);
        assertThat(abandoned.state()).isEqualTo(WorkState.ABANDONED);
        assertThat(abandoned.eventType()).isEqualTo("ABANDONED");
        assertThat(abandoned.eventAt()).isEqualTo(hungUp);
        assertThat(abandoned.eventDetails()).containsEntry("reason", "caller hung up");
    }

    @Test
    void aContactRoutedWithSkillsButNoStepsDropsTheSkillsAfterTheConfiguredTime() {
        List<TargetingStep> sent = List.of(new TargetingStep(0, List.of("complaints"), Office.FRONT_OFFICE),
                new TargetingStep(20, List.of(), Office.BACK_OFFICE));
        List<IntakePlan.NewItem> items = IntakePlan.of(List.of(
                routed("a", "phone:+31611111111", List.of("complaints"), List.of()),
                routed("b", "phone:+31622222222", List.of("complaints"), sent),
                routed("c", "phone:+31633333333", List.of(), List.of())), NOTHING, NOW, RELAX).items();

        assertThat(items.get(0).targeting()).containsExactly(
                new TargetingStep(0, List.of("complaints"), Office.FRONT_OFFICE),
                new TargetingStep(60, List.of(), Office.FRONT_OFFICE));
        assertThat(items.get(0).nextStepAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(items.get(0).nextSkills()).isEmpty();
        // The pull honours the step in the same office by itself: nothing for the sweep to do.
        assertThat(items.get(0).sweepAt()).isNull();
        assertThat(items.get(0).dueAt()).isEqualTo(NOW.plusSeconds(300));
        // Steps the routing engine sent are kept; a step to another office is the sweep's (no next skills).
        assertThat(items.get(1).targeting()).isEqualTo(sent);
        assertThat(items.get(1).nextStepAt()).isEqualTo(items.get(1).queuedAt().plusSeconds(20));
        assertThat(items.get(1).nextSkills()).isNull();
        assertThat(items.get(1).sweepAt()).isEqualTo(items.get(1).nextStepAt());
        assertThat(items.get(2).targeting()).isEmpty();
        assertThat(items.get(2).nextStepAt()).isNull();
        assertThat(items.get(2).sweepAt()).isNull();
    }

    @Test
    void aStepInTheSameOfficeIsLeftToThePullAndTheSweepComesAtTheStepAfterIt() {
        List<TargetingStep> sent = List.of(new TargetingStep(0, List.of("complaints"), Office.FRONT_OFFICE),
                new TargetingStep(30, List.of(), Office.FRONT_OFFICE),
                new TargetingStep(90, List.of(), Office.BACK_OFFICE));
        IntakePlan.NewItem item = IntakePlan.of(List.of(routed("a", "phone:+31611111111", List.of("complaints"),
                sent)), NOTHING, NOW, RELAX).items().get(0);

        assertThat(item.nextStepAt()).isEqualTo(item.queuedAt().plusSeconds(30));
        assertThat(item.nextSkills()).isEmpty();
        assertThat(item.sweepAt()).isEqualTo(item.queuedAt().plusSeconds(90));
    }

    private static ContactRouted routed(String contactId, String customerKey, List<String> skills,
            List<TargetingStep> targeting) {
        ContactRouted routed = routed(contactId, customerKey, Channel.WHATSAPP);
        return new ContactRouted(routed.schemaVersion(), routed.contact(), routed.rst(), routed.intent(),
                routed.office(), routed.priority(), skills, routed.slaSeconds(), routed.confidence(),
                routed.explanation(), routed.routedAt(), targeting);
    }

    @Test
    void aNumberFromACustomerWithAnOpenWhatsAppSurveyIsItsAnswerOnceAndNoWork() {
        UUID survey = UUID.randomUUID();
        Found found = new Found(Set.of(),
                Map.of(new ConversationKey("phone:+31600000003", Channel.WHATSAPP), UUID.randomUUID()), Map.of(),
                Map.of("phone:+31600000001", new OpenSurvey(survey, null),
                        "phone:+31600000002", new OpenSurvey(UUID.randomUUID(), "b"),
                        "phone:+31600000003", new OpenSurvey(UUID.randomUUID(), null)));

        IntakePlan plan = IntakePlan.of(List.of(
                routed("a", "phone:+31600000001", Channel.WHATSAPP, "8 prima geholpen"),
                routed("a2", "phone:+31600000001", Channel.WHATSAPP, "9"),
                routed("b", "phone:+31600000002", Channel.WHATSAPP, "7"),
                routed("c", "phone:+31600000003", Channel.WHATSAPP, "5 pakketten zijn kwijt"),
                routed("d", "phone:+31600000001", Channel.SOCIAL, "8")), found, NOW, RELAX);

        // The second number is a new question; a redelivered answer is a duplicate; a number in an open
        // conversation joins it; another channel is not the survey's.
        assertThat(plan.outcomes()).containsExactly(Outcome.ANSWERED, Outcome.QUEUED, Outcome.DUPLICATE,
                Outcome.JOINED, Outcome.QUEUED);
        assertThat(plan.answers()).singleElement().satisfies(answer -> {
            assertThat(answer.surveyId()).isEqualTo(survey);
            assertThat(answer.contactId()).isEqualTo("a");
            assertThat(answer.answer()).isEqualTo(new TypedAnswer(8, "prima geholpen"));
        });
        assertThat(plan.messages()).extracting(IntakePlan.NewMessage::contactId).containsExactly("a2", "c", "d");
    }

    @Test
    void aTypedAnswerBeginsWithAWholeNumberFromZeroToTen() {
        assertThat(TypedAnswer.of("10")).isEqualTo(new TypedAnswer(10, null));
        assertThat(TypedAnswer.of(" 0 - niemand belde terug")).isEqualTo(new TypedAnswer(0, "niemand belde terug"));
        assertThat(TypedAnswer.of("8/10, top")).isEqualTo(new TypedAnswer(8, "top"));
        assertThat(TypedAnswer.of("7.\nSnel geholpen")).isEqualTo(new TypedAnswer(7, "Snel geholpen"));
        assertThat(TypedAnswer.of("80 euro terug")).isNull();
        assertThat(TypedAnswer.of("8,5")).isNull();
        assertThat(TypedAnswer.of("11")).isNull();
        assertThat(TypedAnswer.of("Waar blijft mijn pakket?")).isNull();
        assertThat(TypedAnswer.of(null)).isNull();
    }

    private static ContactRouted routed(String contactId, String customerKey, Channel channel) {
        return routed(contactId, customerKey, channel, "Waar blijft mijn pakket?");
    }

    private static ContactRouted routed(String contactId, String customerKey, Channel channel, String text) {
        ContactReceived contact = new ContactReceived(ContactReceived.SCHEMA_VERSION, contactId, channel, "test",
                contactId, NOW, new Customer(customerKey, null, null, null, null), text,
                "nl-NL", false, List.of(), Map.of());
        return new ContactRouted(ContactRouted.SCHEMA_VERSION, contact, Rst.ROUTINE, Intent.ORDER,
                Office.FRONT_OFFICE, 50, List.of(), 300, 0.9, List.of("test"), NOW);
    }
}
