package io.switchboard.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import static io.switchboard.work.AgentApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Messages that arrive while their channel is closed get one automatic answer per conversation and closed period
 * (issue 14), on the real broker and database. Tests' calendar: the technicians' webshop and social channels are
 * open MON-FRI 08:00-18:00 Amsterdam time, WhatsApp always; the contacts are written on the coming Saturday.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class ClosedHoursTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Inject
    Pool pool;

    private KafkaCompanion kafka;
    private RoutedContacts routed;
    private LocalDate saturday;
    private String skill;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
        saturday = LocalDate.now(AMSTERDAM).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        // A skill nobody has: the items wait in the technicians' queue, where other tests' agents must not take them.
        skill = "skill-" + UUID.randomUUID();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aMessageInClosedHoursIsAnsweredOnceAndItsItemKeepsItsPlace() {
        String customer = "webshop:" + UUID.randomUUID();
        ContactRouted opening = webshop(customer, "12:00").build();
        try (ConsumerTask<String, String> outbound = kafka.consumeStrings().fromTopics(Topics.CONTACTS_OUTBOUND)) {
            routed.publish(opening);
            OutboundMessage answer = await().atMost(WAIT)
                    .until(() -> answersTo(outbound, opening.contactId()), found -> !found.isEmpty()).get(0);
            assertThat(answer.kind()).isEqualTo(OutboundKind.REPLY);
            assertThat(answer.channel()).isEqualTo(Channel.WEBSHOP);
            assertThat(answer.agentId()).isEqualTo("switchboard");
            String monday = saturday.plusDays(2).getDayOfMonth() + " ";
            assertThat(answer.text()).startsWith("Bedankt voor uw bericht.")
                    .contains("vanaf maandag " + monday).contains("08:00");

            // A follow-up in the same closed period joins the conversation and gets no second answer.
            routed.publish(webshop(customer, "13:30").build());
            Settled.readBack(kafka, pool, outbound, Topics.CONTACTS_OUTBOUND, Settled.ROUTED);
            assertThat(answersTo(outbound, opening.contactId())).hasSize(1);
        }
        String itemId = as(Tokens.supervisor("s-1"))
                .get("/api/supervisor/work?office=TECHNICIANS&channel=WEBSHOP&state=QUEUED&size=500").then()
                .statusCode(200).extract().jsonPath()
                .getString("items.find { it.contactId == '" + opening.contactId() + "' }.id");
        as(Tokens.supervisor("s-1")).get("/api/work/" + itemId).then().statusCode(200)
                .body("state", equalTo("QUEUED")).body("office", equalTo("TECHNICIANS"))
                .body("messages.size()", equalTo(3))
                .body("messages.findAll { it.author == 'switchboard' }.size()", equalTo(1))
                .body("messages.find { it.author == 'switchboard' }.automatic", equalTo(true))
                .body("messages.find { it.author == 'switchboard' }.direction", equalTo("OUTBOUND"));
    }

    @Test
    void directMessagesAreAnsweredInTheirLanguageButNotPublicPostsNorOpenChannels() {
        ContactRouted direct = social("11:00").language("en").build();
        ContactRouted comment = social("11:00").publicPost().build();
        ContactRouted open = RoutedContacts.contact(Channel.WHATSAPP, Office.TECHNICIANS).skills(skill).build();
        try (ConsumerTask<String, String> outbound = kafka.consumeStrings().fromTopics(Topics.CONTACTS_OUTBOUND)) {
            routed.publish(direct, comment, open);
            OutboundMessage answer = await().atMost(WAIT)
                    .until(() -> answersTo(outbound, direct.contactId()), found -> !found.isEmpty()).get(0);
            assertThat(answer.text()).startsWith("Thank you for your message.").contains("from Monday")
                    .contains("08:00");
            Settled.readBack(kafka, pool, outbound, Topics.CONTACTS_OUTBOUND, Settled.ROUTED);
            assertThat(answersTo(outbound, comment.contactId())).isEmpty();
            assertThat(answersTo(outbound, open.contactId())).isEmpty();
        }
    }

    private RoutedContacts.Builder webshop(String customer, String time) {
        return RoutedContacts.contact(Channel.WEBSHOP, Office.TECHNICIANS).skills(skill).customer(customer)
                .provider("webshop")
                .receivedAt(on(time));
    }

    private RoutedContacts.Builder social(String time) {
        return RoutedContacts.contact(Channel.SOCIAL, Office.TECHNICIANS).skills(skill).provider("facebook")
                .receivedAt(on(time))
                .customer("facebook:" + UUID.randomUUID());
    }

    private Instant on(String time) {
        return saturday.atTime(LocalTime.parse(time)).atZone(AMSTERDAM).toInstant();
    }

    private static List<OutboundMessage> answersTo(ConsumerTask<String, String> outbound, String contactId) {
        return outbound.getRecords().stream().filter(record -> contactId.equals(record.key()))
                .map(record -> read(record.value())).toList();
    }

    private static OutboundMessage read(String json) {
        try {
            return Json.mapper().readValue(json, OutboundMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
