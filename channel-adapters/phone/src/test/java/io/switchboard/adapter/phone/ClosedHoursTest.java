package io.switchboard.adapter.phone;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.switchboard.adapter.core.testing.BrokerTest;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.phone.WorkServiceCalendarResource.InjectWorkService;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.adapter.phone.TwilioRequests.call;
import static io.switchboard.adapter.phone.TwilioRequests.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Outside business hours (issue 14), over HTTP with signed requests and the real broker, the work-service's calendar
 * stood in for by WireMock: the greeting says the line is closed and offers a callback, pressing 1 queues the call as
 * a callback request, and a calendar that cannot be read leaves the line open.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(WorkServiceCalendarResource.class)
class ClosedHoursTest extends BrokerTest {

    private static final String CALENDAR = "/api/calendar/PHONE";
    /** Monday 7 December 2026, 08:00 in Amsterdam. */
    private static final String CLOSED_UNTIL_MONDAY = """
            {"channel":"PHONE","zone":"Europe/Amsterdam","at":"2026-12-05T20:00:00Z","open":false,"holiday":false,
             "hoursToday":["09:00-13:00"],"nextChange":"2026-12-07T07:00:00Z"}""";

    @InjectWorkService
    WireMockServer workService;


    @BeforeEach
    void closedUntilMonday() throws InterruptedException {
        workService.resetAll();
        workService.stubFor(get(urlEqualTo(CALENDAR)).willReturn(okJson(CLOSED_UNTIL_MONDAY)));
        // a first call warms the adapter up, so that the rings of a test fall within one cache period; then what it
        // read expires before the test
        delivery("/webhooks/twilio/voice", call(unique(), "+31612345678")).post().statusCode(200);
        Thread.sleep(WorkServiceCalendarResource.CACHE_FOR.toMillis() + 200);
        workService.resetRequests();
    }

    @Test
    void aClosedLineSaysSoAndOffersACallbackInTheCallersLanguage() {
        ValidatableResponse dutch = delivery("/webhooks/twilio/voice", call(unique(), "+31612345678")).post();
        ValidatableResponse english = delivery("/webhooks/twilio/voice", call(unique(), "+447700900123")).post();

        workService.verify(1, getRequestedFor(urlEqualTo(CALENDAR)).withoutHeader("Authorization"));
        dutch.statusCode(200)
                .body("Response.Gather.@input", equalTo("dtmf"))
                .body("Response.Gather.@numDigits", equalTo("1"))
                .body("Response.Gather.@action", equalTo("/webhooks/twilio/voice/callback?lang=nl"))
                .body("Response.Gather.Say.@language", equalTo("nl-NL"))
                .body("Response.Gather.Say", containsString("We zijn op dit moment gesloten. Toets 1"))
                .body("Response.Say", equalTo("Dank u wel voor uw oproep. Tot ziens."))
                .body(containsString("<Hangup/>"));
        english.statusCode(200)
                .body("Response.Gather.@action", equalTo("/webhooks/twilio/voice/callback?lang=en"))
                .body("Response.Gather.Say", containsString("We are closed at the moment. Press 1 to be called back"));
    }

    @Test
    void pressingOneQueuesTheCallAsACallbackRequestAndSaysWhenTheLineOpens() {
        String unique = unique();
        delivery("/webhooks/twilio/voice/callback?lang=nl", call(unique, "+31612345678", "Digits", "1"), unique)
                .post().statusCode(200)
                .body("Response.Say", equalTo("Dank u wel. We bellen u terug zodra we weer open zijn, op maandag "
                        + "7 december om 8:00. Tot ziens."))
                .body(containsString("<Hangup/>"));

        String contactId = ContactIds.of(Channel.PHONE, "CA" + unique);
        List<ConsumerRecord<String, String>> contacts = new InboundTopic(kafka, Topics.CONTACTS_INBOUND)
                .records("contactId", List.of(contactId), 1, Duration.ofSeconds(10));
        assertThat(contacts).singleElement().satisfies(contact -> {
            assertThat(contact.key()).isEqualTo("phone:+31612345678");
            assertThat(contact.value()).contains("\"callback\":\"requested\"")
                    .contains("\"callbackNumber\":\"+31612345678\"").contains("\"channel\":\"PHONE\"")
                    .contains("\"text\":\"Terugbelverzoek: de klant belde buiten openingstijden")
                    .contains("\"language\":\"nl\"").contains("\"providerMessageId\":\"CA" + unique + "\"");
        });
    }

    @Test
    void anotherKeyEndsTheCallPolitelyAndQueuesNothing() {
        String unique = unique();
        delivery("/webhooks/twilio/voice/callback?lang=en", call(unique, "+447700900123", "Digits", "2"), unique)
                .post().statusCode(200)
                .body("Response.Say", equalTo("Thank you for calling. Goodbye."))
                .body(containsString("<Hangup/>"));
        assertThat(new InboundTopic(kafka, Topics.CONTACTS_INBOUND).upToNow("contactId",
                List.of(ContactIds.of(Channel.PHONE, "CA" + unique)))).isEmpty();
    }

    @Test
    void aWithheldNumberCannotBeCalledBackSoNoCallbackIsOffered() {
        delivery("/webhooks/twilio/voice", call(unique(), "anonymous")).post().statusCode(200)
                .body("Response.Say", containsString("We zijn op dit moment gesloten. Belt u ons gerust terug"))
                .body(containsString("<Hangup/>"), not(containsString("Gather")));
    }

    /** Read once for both rings: a work-service that is down is not asked on every ring. */
    @Test
    void aCalendarThatCannotBeReadLeavesTheLineOpen() {
        workService.stubFor(get(urlEqualTo(CALENDAR)).willReturn(aResponse().withStatus(503)));

        ValidatableResponse first = delivery("/webhooks/twilio/voice", call(unique(), "+31612345678")).post();
        ValidatableResponse second = delivery("/webhooks/twilio/voice", call(unique(), "+31612345678")).post();

        workService.verify(1, getRequestedFor(urlEqualTo(CALENDAR)));
        for (ValidatableResponse greeting : List.of(first, second)) {
            greeting.statusCode(200)
                    .body("Response.Gather.@input", equalTo("speech"))
                    .body("Response.Gather.@action", equalTo("/webhooks/twilio/voice/gather?lang=nl"))
                    .body("Response.Gather.Say", containsString("Vertel ons in een paar woorden waarover u belt"));
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
