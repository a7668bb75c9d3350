package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.switchboard.work.AgentApi.as;
import static io.switchboard.work.AgentApi.next;
import static io.switchboard.work.AgentApi.release;
import static io.switchboard.work.AgentApi.ownAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Re-offer rules: an item an agent released or let time out (3 s in tests) goes to another eligible agent first,
 * back to the same agent only when nobody else could take it; timeouts are counted per agent; after two re-offers
 * (tests' max-reoffers) the next decline flags the item for supervisors and it is no longer offered.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class ReofferTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    private KafkaCompanion kafka;
    private RoutedContacts routed;
    private String language;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
        language = AgentApi.ownLanguage();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aReleasedItemGoesToAnotherEligibleAgentFirst() {
        String first = ownAgent(Office.FRONT_OFFICE, List.of(), language);
        String other = ownAgent(Office.FRONT_OFFICE, List.of(), language);
        publish();
        String id = next(first, 10).then().statusCode(200).extract().path("id");
        release(first, id).then().statusCode(200).body("declinedBy", equalTo(first)).body("reoffers", equalTo(1));

        next(first, 0).then().statusCode(204);
        next(other, 5).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void withNoOtherEligibleAgentTheSameAgentGetsItBack() {
        String only = ownAgent(Office.FRONT_OFFICE, List.of(), language);
        publish();
        String id = next(only, 10).then().statusCode(200).extract().path("id");
        release(only, id).then().statusCode(200);

        next(only, 0).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void reservationTimeoutsAreCountedForTheAgentAndAsAMetric() {
        String slow = ownAgent(Office.FRONT_OFFICE, List.of(), language);
        publish();
        String id = next(slow, 10).then().statusCode(200).extract().path("id");

        await().atMost(Duration.ofSeconds(10)).until(() -> "QUEUED".equals(
                as(Tokens.ops("o-1")).get("/api/work/" + id).jsonPath().getString("state")));
        as(Tokens.ops("o-1")).get("/api/work/" + id).then().body("declinedBy", equalTo(slow))
                .body("reoffers", equalTo(1));
        as(Tokens.supervisor("s-1")).get("/api/agents/" + slow).then().body("reservationTimeouts", equalTo(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RestAssured.get("/q/metrics").asString())
                .containsPattern("switchboard_work_reservation_timeouts_total\\{channel=\"WEBSHOP\",office=\"FRONT_OFFICE\""
                        + "[^}]*} [1-9]"));
    }

    @Test
    void pastTheBoundTheItemIsFlaggedForSupervisorsAndNoLongerOffered() {
        String only = ownAgent(Office.FRONT_OFFICE, List.of(), language);
        ContactRouted contact = publish();
        String id = next(only, 10).then().statusCode(200).extract().path("id");
        release(only, id).then().statusCode(200).body("flaggedAt", nullValue());
        next(only, 0).then().statusCode(200).body("id", equalTo(id));
        release(only, id).then().statusCode(200).body("reoffers", equalTo(2)).body("flaggedAt", nullValue());
        next(only, 0).then().statusCode(200).body("id", equalTo(id));
        release(only, id).then().statusCode(200).body("reoffers", equalTo(3)).body("flaggedAt", notNullValue())
                .body("state", equalTo("QUEUED"));

        next(only, 0).then().statusCode(204);
        try (var events = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                List<LifecycleEvent> released = events.getRecords().stream()
                        .filter(record -> contact.contactId().equals(record.key())).map(WorkFlowTest::event)
                        .filter(event -> event.type() == LifecycleEventType.RELEASED).toList();
                assertThat(released).extracting(event -> event.details().get("reoffers"))
                        .containsExactly("1", "2", "3");
                assertThat(released).extracting(event -> event.details().get("flagged"))
                        .containsExactly(null, null, "true");
            });
        }
    }

    private ContactRouted publish() {
        ContactRouted contact = RoutedContacts.contact(Channel.WEBSHOP, Office.FRONT_OFFICE).language(language).build();
        routed.publish(contact);
        return contact;
    }
}
