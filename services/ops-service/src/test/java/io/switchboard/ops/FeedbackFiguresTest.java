package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.DeadLetterHeaders;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.contracts.LifecycleEventType.ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.COMPLETED;
import static io.switchboard.contracts.LifecycleEventType.OFFER_ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.OFFER_SHOWN;
import static io.switchboard.contracts.LifecycleEventType.QUEUED;
import static io.switchboard.contracts.LifecycleEventType.SURVEY_ANSWERED;
import static io.switchboard.contracts.LifecycleEventType.SURVEY_SENT;
import static io.switchboard.ops.ContactEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Feedback and revenue from the survey and offer steps the work-service publishes on the real contacts.lifecycle
 * topic: NPS, CSAT, response rate, take-up, revenue and cost per contact per agent, intent, office and channel
 * (GET /api/feedback, /q/metrics), against values worked out by hand below. Cost per contact: social 0.80 a
 * handling minute shared by 2 chats (0.40), store 0.60 with one visitor at a time (application.properties).
 * <p>
 * The board is shared by every test of the run, which all assert on channels, offices and intents of their own
 * choosing: these contacts were handled two hours ago (outside the windows the others assert on) by agents of
 * their own, in the office TECHNICIANS and with intents (RESERVATION, TECHNICIAN_VISIT) no other test uses, so
 * figures per agent, office and intent are exact; the channels' survey and offer counts are exact too (no other
 * test sends those steps), their completions are shared.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class FeedbackFiguresTest {

    private static final String CHATTER = "fb-agent-" + UUID.randomUUID();
    private static final String CLERK = "fb-agent-" + UUID.randomUUID();

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    void npsCsatResponseRateRevenueAndCostPerAgentIntentOfficeAndChannel() {
        Instant t = Instant.now();
        Instant handled = t.minus(Duration.ofHours(2));
        String badScore = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers());
                ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                        .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.CONTACTS_DLQ)) {
            ContactEvents events = new ContactEvents(kafka);
            // The chatter: four social chats about reservations handled 120, 180, 240 and 300 s (AHT 210 s).
            List<ContactRouted> chats = new ArrayList<>();
            long[] chatHandling = {120, 180, 240, 300};
            for (int i = 0; i < chatHandling.length; i++) {
                chats.add(handle(events, Channel.SOCIAL, Intent.RESERVATION, CHATTER,
                        handled.plus(Duration.ofMinutes(10L * i)), chatHandling[i]));
            }
            // The first chat's customer asks about the same reservation an hour later: not resolved after all.
            ContactRouted first = chats.get(0);
            events.send(routed(Channel.SOCIAL, first.contact().customer().key(), Intent.RESERVATION,
                    "Nog een vraag over mijn reservering", t.minus(Duration.ofHours(1))));
            // The clerk: two store visitors about a technician's visit, 300 and 420 s (AHT 360 s).
            ContactRouted visitA = handle(events, Channel.STORE, Intent.TECHNICIAN_VISIT, CLERK, handled, 300);
            ContactRouted visitB = handle(events, Channel.STORE, Intent.TECHNICIAN_VISIT, CLERK,
                    handled.plus(Duration.ofMinutes(15)), 420);

            // A score that is no score is refused whole: it counts nowhere and goes to contacts.dlq.
            events.send(new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION, badScore, SURVEY_ANSWERED,
                    first.contactId(), Channel.SOCIAL, Office.TECHNICIANS, Intent.RESERVATION, CHATTER, null,
                    t.minusSeconds(90), Map.of("surveyId", "s-bad", "score", "11")));
            // Every chat surveyed after it was handled; answers 10, 9, 7 and 3 a minute ago.
            int[] scores = {10, 9, 7, 3};
            for (int i = 0; i < chats.size(); i++) {
                ContactRouted chat = chats.get(i);
                events.send(step(chat, SURVEY_SENT, CHATTER, chat.routedAt().plus(Duration.ofMinutes(8)),
                        Map.of("surveyId", "s-" + i)));
                LifecycleEvent answer = step(chat, SURVEY_ANSWERED, CHATTER, t.minusSeconds(60),
                        Map.of("surveyId", "s-" + i, "score", String.valueOf(scores[i])));
                events.send(answer, answer);
            }
            // The detractor's comment comes later and opens a follow-up: a complaint, not a second answer.
            events.send(step(chats.get(3), SURVEY_ANSWERED, CHATTER, t.minusSeconds(50),
                    Map.of("surveyId", "s-3", "complaint", "true", "followUp", "follow-up-s-3")));
            // Both visitors surveyed, one answers 8 (passive, yet satisfied).
            events.send(step(visitA, SURVEY_SENT, CLERK, visitA.routedAt().plus(Duration.ofMinutes(8)),
                            Map.of("surveyId", "v-a")),
                    step(visitB, SURVEY_SENT, CLERK, visitB.routedAt().plus(Duration.ofMinutes(8)),
                            Map.of("surveyId", "v-b")),
                    step(visitA, SURVEY_ANSWERED, CLERK, t.minusSeconds(40), Map.of("surveyId", "v-a", "score", "8")));
            // Offers shown while the items were handled; three chats took theirs (one priced in dollars, which
            // revenue in euros leaves out), one visitor took theirs, through a webshop order.
            for (ContactRouted chat : chats) {
                events.send(step(chat, OFFER_SHOWN, CHATTER, chat.routedAt().plusSeconds(40),
                        Map.of("product", "Travel insurance")));
            }
            events.send(step(visitA, OFFER_SHOWN, CLERK, visitA.routedAt().plusSeconds(40), Map.of("product", "Mesh")),
                    step(visitB, OFFER_SHOWN, CLERK, visitB.routedAt().plusSeconds(40), Map.of("product", "Mesh")));
            events.send(taken(chats.get(0), CHATTER, t, "49.95", "EUR", "agent"),
                    taken(chats.get(1), CHATTER, t, "120.00", "eur", "order"),
                    taken(chats.get(2), CHATTER, t, "80.00", "USD", "agent"),
                    taken(visitB, CLERK, t, "30", "EUR", "order"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath chatter = feedback("agent", CHATTER, "totals");
                assertThat(chatter.getLong("completed")).isEqualTo(4);
                assertThat(chatter.getDouble("averageHandlingSeconds")).isCloseTo(210.0, within(0.001));
                assertThat(chatter.getDouble("firstContactResolution")).isCloseTo(0.75, within(1e-9));
                assertThat(chatter.getDouble("costPerContact")).isCloseTo(210 / 60.0 * 0.80 / 2, within(1e-9));
                assertThat(chatter.getMap("surveys")).containsAllEntriesOf(Map.of("sent", 4, "answered", 4,
                        "promoters", 2, "passives", 1, "detractors", 1, "satisfied", 2, "complaints", 1));
                // (2 promoters − 1 detractor) of 4 answers; 10 and 9 satisfied; 4 answered of 4 sent.
                assertThat(chatter.getDouble("surveys.nps")).isCloseTo(25.0, within(1e-9));
                assertThat(chatter.getDouble("surveys.csat")).isCloseTo(0.5, within(1e-9));
                assertThat(chatter.getDouble("surveys.responseRate")).isCloseTo(1.0, within(1e-9));
                assertThat(chatter.getLong("offers.shown")).isEqualTo(4);
                assertThat(chatter.getLong("offers.accepted")).isEqualTo(3);
                assertThat(chatter.getLong("offers.otherCurrency")).isEqualTo(1);
                assertThat(chatter.getDouble("offers.takeUp")).isCloseTo(0.75, within(1e-9));
                assertThat(chatter.getDouble("offers.revenue")).isCloseTo(169.95, within(1e-9));
                assertThat(chatter.getDouble("offers.revenuePerContact")).isCloseTo(169.95 / 4, within(1e-9));

                JsonPath clerk = feedback("agent", CLERK, "totals");
                assertThat(clerk.getLong("completed")).isEqualTo(2);
                assertThat(clerk.getDouble("averageHandlingSeconds")).isCloseTo(360.0, within(0.001));
                assertThat(clerk.getDouble("firstContactResolution")).isCloseTo(1.0, within(1e-9));
                assertThat(clerk.getDouble("costPerContact")).isCloseTo(360 / 60.0 * 0.60, within(1e-9));
                // One passive answer of two surveys: NPS 0, yet satisfied.
                assertThat(clerk.getDouble("surveys.nps")).isCloseTo(0.0, within(1e-9));
                assertThat(clerk.getDouble("surveys.csat")).isCloseTo(1.0, within(1e-9));
                assertThat(clerk.getDouble("surveys.responseRate")).isCloseTo(0.5, within(1e-9));
                assertThat(clerk.getDouble("offers.takeUp")).isCloseTo(0.5, within(1e-9));
                assertThat(clerk.getDouble("offers.revenuePerContact")).isCloseTo(15.0, within(1e-9));

                // The intents are the agents' here; the office holds both.
                assertThat(feedback("intent", "RESERVATION", "totals").getDouble("surveys.nps"))
                        .isCloseTo(25.0, within(1e-9));
                assertThat(feedback("intent", "TECHNICIAN_VISIT", "totals").getDouble("averageHandlingSeconds"))
                        .isCloseTo(360.0, within(0.001));
                JsonPath office = feedback("office", "TECHNICIANS", "totals");
                assertThat(office.getLong("completed")).isEqualTo(6);
                assertThat(office.getDouble("averageHandlingSeconds")).isCloseTo((4 * 210 + 720) / 6.0, within(0.001));
                // Each contact at its own channel's rate: 4 × 1.40 and 2 × 3.60 over 6.
                assertThat(office.getDouble("costPerContact")).isCloseTo((4 * 1.40 + 2 * 3.60) / 6, within(1e-9));
                // 2 promoters and 1 detractor of 5 answers; 10, 9 and 8 satisfied; 5 of 6 answered.
                assertThat(office.getDouble("surveys.nps")).isCloseTo(20.0, within(1e-9));
                assertThat(office.getDouble("surveys.csat")).isCloseTo(0.6, within(1e-9));
                assertThat(office.getDouble("surveys.responseRate")).isCloseTo(5 / 6.0, within(1e-9));
                assertThat(office.getDouble("offers.revenue")).isCloseTo(199.95, within(1e-9));

                // Per channel: the counts are this test's; revenue and cost per contact are over all the channel's
                // completions, which other tests share.
                JsonPath social = feedback("channel", "SOCIAL", "totals");
                assertThat(social.getDouble("surveys.nps")).isCloseTo(25.0, within(1e-9));
                assertThat(social.getDouble("offers.revenuePerContact"))
                        .isCloseTo(169.95 / social.getLong("completed"), within(1e-9));
                assertThat(social.getDouble("costPerContact"))
                        .isCloseTo(social.getDouble("averageHandlingSeconds") / 60 * 0.80 / 2, within(1e-9));
                JsonPath store = feedback("channel", "STORE", "totals");
                assertThat(store.getDouble("surveys.responseRate")).isCloseTo(0.5, within(1e-9));
                assertThat(store.getDouble("costPerContact"))
                        .isCloseTo(store.getDouble("averageHandlingSeconds") / 60 * 0.60, within(1e-9));

                // The answers of the last minutes are in the 15-minute window, the surveys sent two hours ago not.
                JsonPath recent = feedback("agent", CHATTER, "windows.'15m'");
                assertThat(recent.getDouble("surveys.nps")).isCloseTo(25.0, within(1e-9));
                assertThat(recent.getLong("surveys.sent")).isZero();
                assertThat(recent.getLong("offers.accepted")).isEqualTo(3);
                assertThat(recent.getLong("completed")).isZero();
            });
            // The channel view carries the same figures, for the dashboard's stream.
            assertThat(ChannelCountsTest.channel(Channel.SOCIAL, "totals").getDouble("surveys.nps"))
                    .isCloseTo(25.0, within(1e-4));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters.getRecords())
                    .filteredOn(record -> record.value() != null && record.value().contains(badScore))
                    .singleElement().satisfies(record -> assertThat(new String(record.headers()
                            .lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                            .contains("survey score '11'")));
        }

        // Prometheus: per channel and intent, never per agent.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RestAssured.given()
                .accept("text/plain; version=0.0.4; charset=utf-8").get("/q/metrics").then().statusCode(200).extract()
                .asString()).contains(
                "switchboard_ops_surveys_sent_total{channel=\"SOCIAL\",} 4.0",
                "switchboard_ops_survey_answers_total{category=\"promoter\",channel=\"SOCIAL\",} 2.0",
                "switchboard_ops_survey_answers_total{category=\"detractor\",channel=\"SOCIAL\",} 1.0",
                "switchboard_ops_survey_complaints_total{channel=\"SOCIAL\",} 1.0",
                "switchboard_ops_nps{channel=\"SOCIAL\",window=\"total\",} 25.0",
                "switchboard_ops_nps{channel=\"SOCIAL\",window=\"15m\",} 25.0",
                "switchboard_ops_csat_ratio{channel=\"SOCIAL\",window=\"total\",} 0.5",
                "switchboard_ops_survey_response_rate_ratio{channel=\"STORE\",window=\"total\",} 0.5",
                "switchboard_ops_offers_accepted_total{channel=\"SOCIAL\",} 3.0",
                "switchboard_ops_offer_take_up_ratio{channel=\"SOCIAL\",window=\"total\",} 0.75",
                "switchboard_ops_revenue_total{channel=\"STORE\",} 30.0",
                "switchboard_ops_office_nps{office=\"TECHNICIANS\",window=\"total\",} 20.0",
                "switchboard_ops_intent_nps{intent=\"RESERVATION\",window=\"total\",} 25.0",
                "switchboard_ops_intent_handling_average_seconds{intent=\"TECHNICIAN_VISIT\",window=\"total\",} 360.0",
                "switchboard_ops_intent_revenue_per_contact{intent=\"TECHNICIAN_VISIT\",window=\"total\",} 15.0")
                .doesNotContain(CHATTER));
    }

    @Test
    void anUnknownGroupingIsABadRequest() {
        Tokens.asOps().get("/api/feedback?by=planet").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** One contact queued, accepted 30 s later and completed {@code handlingSeconds} after that. */
    private static ContactRouted handle(ContactEvents events, Channel channel, Intent intent, String agent,
            Instant queuedAt, long handlingSeconds) {
        ContactRouted contact = routed(channel, channel.name().toLowerCase() + ":" + UUID.randomUUID(), intent,
                "Een vraag", queuedAt);
        Instant acceptedAt = queuedAt.plusSeconds(30);
        events.send(contact);
        events.send(event(contact, QUEUED, null, queuedAt, queuedAt, Map.of()),
                event(contact, ACCEPTED, agent, queuedAt, acceptedAt, Map.of()),
                event(contact, COMPLETED, agent, queuedAt, acceptedAt.plusSeconds(handlingSeconds), Map.of()));
        return contact;
    }

    private static LifecycleEvent step(ContactRouted contact, LifecycleEventType type, String agent, Instant at,
            Map<String, String> details) {
        return event(contact, type, agent, contact.routedAt(), at, details);
    }

    private static LifecycleEvent taken(ContactRouted contact, String agent, Instant t, String value, String currency,
            String source) {
        return step(contact, OFFER_ACCEPTED, agent, t.minusSeconds(30), Map.of("product", "Travel insurance",
                "value", value, "currency", currency, "source", source));
    }

    /** A step of an item in the office TECHNICIANS, as the work-service publishes it. */
    private static LifecycleEvent event(ContactRouted contact, LifecycleEventType type, String agent,
            Instant queuedAt, Instant at, Map<String, String> details) {
        return new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), type,
                contact.contactId(), contact.channel(), Office.TECHNICIANS, contact.intent(), agent, queuedAt, at,
                details);
    }

    /** One group of {@code GET /api/feedback?by=...}, or a part of it such as {@code totals}. */
    private static JsonPath feedback(String by, String key, String part) {
        // As doubles: RestAssured's default floats would blur the hand-worked values.
        return JsonPath.from(Tokens.asOps().get("/api/feedback?by=" + by).then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE))
                .setRootPath("groups.find { it.key == '" + key + "' }." + part);
    }
}
