package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.SurveyResponse;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.switchboard.work.AgentApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the customers thought and what the contacts earned, in the report: callers of a test day are asked for their
 * score when the agent hangs up (the survey goes with the call's CONNECT), their scores come back on
 * {@code contacts.feedback} as the phone adapter publishes them, an agent records the offer the customer took; the
 * report's surveys, NPS, CSAT, offers and revenue are those, and the ones counted from the SURVEY_* and OFFER_* steps
 * on {@code contacts.lifecycle}. (Messages' surveys are sent by a scheduler that walks completed items forward from
 * the newest it has seen, which the other tests' real time keeps ahead of a test day's.)
 */
@QuarkusTest
@TestProfile(Surveying.class)
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class ReportFeedbackTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 31);
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Inject
    ReportClock clock;

    @Test
    void surveysScoresOffersAndRevenueAreReportedAsTheyHappened() {
        String n = UUID.randomUUID().toString().substring(0, 8);
        Customer promoter = ContactDay.customer("Ilse");
        // Peers of the promoter's segment hold tv-plus-…: it is the next-best offer the agent is shown.
        as(Tokens.supervisor("sup-1")).contentType("text/csv").body("""
                customerKey,name,segment,products
                %1$s,Ilse,%2$s,internet
                peer-1-%3$s,A,%2$s,internet;tv-plus-%3$s
                peer-2-%3$s,B,%2$s,tv-plus-%3$s
                """.formatted(promoter.key(), "report-" + n, n)).post("/api/customers/profiles").then()
                .statusCode(200);
        try (ContactDay day = new ContactDay(clock, infrastructure, DAY.atTime(14, 0).atZone(ReportTest.AMSTERDAM)
                .toInstant()); KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers())) {
            String agent = day.agent(Office.FRONT_OFFICE, Channel.PHONE);
            ContactRouted offered = contact(day, promoter);
            String item = day.answered(offered, agent, Duration.ofSeconds(5));
            as(Tokens.agent(agent)).post("/api/work/" + item + "/offer/shown").then().statusCode(200);
            as(Tokens.agent(agent)).body(Map.of("accepted", true, "value", 25.5, "currency", "EUR"))
                    .post("/api/work/" + item + "/offer").then().statusCode(200);
            day.completed(agent, item, Duration.ofSeconds(60));
            ContactRouted detracted = contact(day, ContactDay.customer("Jaap"));
            day.completed(agent, day.answered(detracted, agent, Duration.ofSeconds(5)), Duration.ofSeconds(30));
            ContactRouted satisfied = contact(day, ContactDay.customer("Karin"));
            day.completed(agent, day.answered(satisfied, agent, Duration.ofSeconds(5)), Duration.ofSeconds(30));

            List<ContactRouted> contacts = List.of(offered, detracted, satisfied);
            Map<ContactRouted, Integer> scores = Map.of(offered, 10, detracted, 3, satisfied, 8);
            scores.forEach((contact, score) -> {
                String surveyId = day.step(contact, LifecycleEventType.SURVEY_SENT).details().get("surveyId");
                SurveyResponse answer = new SurveyResponse(SurveyResponse.SCHEMA_VERSION,
                        UUID.randomUUID().toString(), surveyId, Channel.PHONE, score, null, "twilio",
                        "CA" + surveyId.replace("-", ""), clock.instant());
                kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_FEEDBACK, surveyId,
                        RoutedContacts.json(answer))).awaitCompletion(Duration.ofSeconds(30));
            });
            contacts.forEach(contact -> day.step(contact, LifecycleEventType.SURVEY_ANSWERED));

            JsonPath report = JsonPath.from(as(Tokens.ops("ops-1"))
                    .get("/api/reports?from=%s&to=%s&interval=P1D&channel=PHONE&office=FRONT_OFFICE"
                            .formatted(DAY, DAY.plusDays(1)))
                    .then().statusCode(200).extract().asString()).using(DOUBLES);
            assertThat(report.getList("rows")).hasSize(1);
            assertThat(report.getLong("rows[0].completed")).isEqualTo(3);
            assertThat(report.getLong("rows[0].surveysSent")).isEqualTo(3);
            assertThat(report.getLong("rows[0].surveysAnswered")).isEqualTo(3);
            // One promoter (10), one passive (8), one detractor (3): NPS 0; satisfied (8–10): two of three.
            assertThat(report.getDouble("rows[0].nps")).isCloseTo(0, within(1e-9));
            assertThat(report.getDouble("rows[0].csat")).isCloseTo(2 / 3.0, within(1e-9));
            assertThat(report.getLong("rows[0].offersShown")).isEqualTo(1);
            assertThat(report.getLong("rows[0].offersAccepted")).isEqualTo(1);
            assertThat(new BigDecimal(report.getString("rows[0].revenue"))).isEqualByComparingTo("25.50");
            assertThat(report.getString("rows[0].currency")).isEqualTo("EUR");

            List<LifecycleEvent> steps = day.events(contacts);
            assertThat(report.getLong("rows[0].surveysSent")).isEqualTo(count(steps, LifecycleEventType.SURVEY_SENT));
            assertThat(report.getLong("rows[0].surveysAnswered"))
                    .isEqualTo(count(steps, LifecycleEventType.SURVEY_ANSWERED));
            assertThat(report.getLong("rows[0].offersShown")).isEqualTo(count(steps, LifecycleEventType.OFFER_SHOWN));
            assertThat(steps.stream().filter(step -> step.type() == LifecycleEventType.OFFER_ACCEPTED)
                    .map(step -> new BigDecimal(step.details().get("value"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(report.getString("rows[0].revenue"));
            Set<Integer> answered = Set.copyOf(steps.stream()
                    .filter(step -> step.type() == LifecycleEventType.SURVEY_ANSWERED)
                    .map(step -> Integer.valueOf(step.details().get("score"))).toList());
            assertThat(answered).isEqualTo(Set.copyOf(scores.values()));
        }
    }

    private static ContactRouted contact(ContactDay day, Customer customer) {
        return day.contact(Channel.PHONE, Office.FRONT_OFFICE, customer, Intent.INFORMATION, null);
    }

    private static long count(List<LifecycleEvent> steps, LifecycleEventType type) {
        return steps.stream().filter(step -> step.type() == type).count();
    }
}
