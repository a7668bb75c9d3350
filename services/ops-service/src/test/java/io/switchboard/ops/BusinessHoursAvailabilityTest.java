package io.switchboard.ops;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.switchboard.ops.WorkServiceStub.InjectWorkService;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Channel availability driven by the work-service's calendar ({@code GET /api/calendar/{channel}}, a WireMock
 * stand-in): a channel outside its business hours is closed and says when it opens; a calendar that cannot be read is
 * UNKNOWN and leaves the channel to its queue (fail-open); answers are cached, and asked with the caller's token.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WorkServiceStub.class, scope = TestResourceScope.GLOBAL)
class BusinessHoursAvailabilityTest {

    @InjectWorkService
    WireMockServer workService;

    @Test
    void aChannelOutsideItsHoursIsClosedUntilItOpensAndAnUnreadableCalendarLeavesItToTheQueue() {
        Instant opens = Instant.now().plus(Duration.ofHours(9)).truncatedTo(ChronoUnit.SECONDS);
        workService.stubFor(get(urlPathMatching("/api/calendar/.*")).willReturn(okJson("""
                {"open": true, "holiday": false, "hoursToday": ["00:00-24:00"], "nextChange": null}""")));
        workService.stubFor(get(urlPathEqualTo("/api/calendar/PHONE")).willReturn(okJson("""
                {"channel": "PHONE", "zone": "Europe/Amsterdam", "open": false, "holiday": false,
                 "hoursToday": ["08:00-18:00"], "nextChange": "%s"}""".formatted(opens))));
        workService.stubFor(get(urlPathEqualTo("/api/calendar/WHATSAPP")).willReturn(serverError()));
        String token = Tokens.ops();

        // Hours another test left UNKNOWN are asked again within a second (%test unknown-for).
        JsonPath availability = await().atMost(Duration.ofSeconds(10)).until(() -> availability(token),
                answer -> "CLOSED".equals(answer.getString("find { it.channel == 'PHONE' }.businessHours")));
        Map<String, Object> phone = availability.getMap("find { it.channel == 'PHONE' }");
        assertThat(phone).containsEntry("open", false).containsEntry("opensAt", opens.toString())
                .containsEntry("reason", "closed outside business hours, opens " + opens);
        assertThat(phone.get("alternative")).isNotEqualTo("PHONE");
        assertThat(availability.getString("find { it.channel == 'WHATSAPP' }.businessHours")).isEqualTo("UNKNOWN");
        assertThat(availability.getString("find { it.channel == 'SOCIAL' }.businessHours")).isEqualTo("OPEN");
        assertThat(availability.getString("find { it.channel == 'SOCIAL' }.opensAt")).isNull();
        workService.verify(getRequestedFor(urlPathEqualTo("/api/calendar/PHONE"))
                .withHeader("Authorization", equalTo("Bearer " + token)));

        // Known hours are kept until they change: another look asks the work-service nothing more about them.
        int asked = workService.findAll(getRequestedFor(urlPathEqualTo("/api/calendar/PHONE"))).size();
        availability(token);
        assertThat(workService.findAll(getRequestedFor(urlPathEqualTo("/api/calendar/PHONE")))).hasSize(asked);
    }

    private static JsonPath availability(String token) {
        return RestAssured.given().auth().oauth2(token).get("/api/channels/availability").then()
                .statusCode(200).extract().jsonPath();
    }
}
