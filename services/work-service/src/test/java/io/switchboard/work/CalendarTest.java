package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.switchboard.work.AgentApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Business hours per channel and office from configuration (tests: phone MON-FRI 08:00-18:00 and SAT 09:00-13:00,
 * the back office's phone MON-FRI 09:00-17:00, everything else always open, Christmas closed; the phone also on
 * Christmas Eve, the back office's phone instead on 26 October), in Amsterdam time.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class CalendarTest {

    @Test
    void aChannelIsOpenWithinItsHoursAndSaysWhenItCloses() {
        as(Tokens.ops("o-1")).get("/api/calendar/PHONE?at=2026-11-30T10:00:00Z").then().statusCode(200)
                .body("open", equalTo(true)).body("holiday", equalTo(false)).body("zone", equalTo("Europe/Amsterdam"))
                .body("hoursToday", equalTo(List.of("08:00-18:00")))
                .body("nextChange", equalTo("2026-11-30T17:00:00Z"));
    }

    @Test
    void anOfficeHasItsOwnHoursOnAChannel() {
        as(Tokens.agent("a-1")).get("/api/calendar/PHONE?office=BACK_OFFICE&at=2026-11-30T07:30:00Z").then()
                .statusCode(200).body("open", equalTo(false)).body("hoursToday", equalTo(List.of("09:00-17:00")))
                .body("nextChange", equalTo("2026-11-30T08:00:00Z"));
        as(Tokens.agent("a-1")).get("/api/calendar/PHONE?office=FRONT_OFFICE&at=2026-11-30T07:30:00Z").then()
                .statusCode(200).body("open", equalTo(true));
    }

    @Test
    void holidaysCloseEveryChannelAllDay() {
        as(Tokens.supervisor("s-1")).get("/api/calendar/WHATSAPP?at=2026-12-25T12:00:00Z").then().statusCode(200)
                .body("open", equalTo(false)).body("holiday", equalTo(true)).body("hoursToday", equalTo(List.of()))
                .body("nextChange", equalTo("2026-12-26T23:00:00Z"));
        as(Tokens.supervisor("s-1")).get("/api/calendar/WHATSAPP?at=2026-12-27T12:00:00Z").then().statusCode(200)
                .body("open", equalTo(true)).body("nextChange", nullValue());
    }

    @Test
    void aChannelsOwnHolidayClosesOnlyThatChannel() {
        as(Tokens.ops("o-1")).get("/api/calendar/PHONE?at=2026-12-24T10:00:00Z").then().statusCode(200)
                .body("open", equalTo(false)).body("holiday", equalTo(true))
                .body("nextChange", equalTo("2026-12-28T07:00:00Z"));
        as(Tokens.ops("o-1")).get("/api/calendar/WHATSAPP?at=2026-12-24T10:00:00Z").then().statusCode(200)
                .body("open", equalTo(true)).body("holiday", equalTo(false));
    }

    @Test
    void anOfficesHolidayOnAChannelReplacesTheChannelsAndKeepsTheGlobalOnes() {
        as(Tokens.agent("a-1")).get("/api/calendar/PHONE?office=BACK_OFFICE&at=2026-10-26T10:00:00Z").then()
                .statusCode(200).body("open", equalTo(false)).body("holiday", equalTo(true))
                .body("hoursToday", equalTo(List.of()));
        as(Tokens.agent("a-1")).get("/api/calendar/PHONE?office=BACK_OFFICE&at=2026-12-25T10:00:00Z").then()
                .statusCode(200).body("holiday", equalTo(true));
        as(Tokens.agent("a-1")).get("/api/calendar/PHONE?office=BACK_OFFICE&at=2026-12-24T10:00:00Z").then()
                .statusCode(200).body("open", equalTo(true)).body("holiday", equalTo(false));
        as(Tokens.agent("a-1")).get("/api/calendar/PHONE?office=FRONT_OFFICE&at=2026-10-26T10:00:00Z").then()
                .statusCode(200).body("open", equalTo(true)).body("holiday", equalTo(false));
        as(Tokens.agent("a-1")).get("/api/calendar/PHONE?office=FRONT_OFFICE&at=2026-12-24T10:00:00Z").then()
                .statusCode(200).body("holiday", equalTo(true));
    }

    @Test
    void aHolidayAfterTheDaylightSavingChangeOpensAtLocalNineInWinterTime() {
        // Friday 23 October in summer time (UTC+2); Sunday the clocks go back, Monday 26th is the back office's
        // holiday, so the phone opens Tuesday 09:00 in winter time (UTC+1).
        as(Tokens.agent("a-1")).get("/api/calendar/PHONE?office=BACK_OFFICE&at=2026-10-23T14:00:00Z").then()
                .statusCode(200).body("open", equalTo(true)).body("nextChange", equalTo("2026-10-23T15:00:00Z"));
        as(Tokens.agent("a-1")).get("/api/calendar/PHONE?office=BACK_OFFICE&at=2026-10-23T16:00:00Z").then()
                .statusCode(200).body("open", equalTo(false)).body("nextChange", equalTo("2026-10-27T08:00:00Z"));
    }

    @Test
    void openingHoursNeedNoTokenButAKnownChannel() {
        RestAssured.get("/api/calendar/PHONE?at=2026-11-30T10:00:00Z").then().statusCode(200).body("open", equalTo(true));
        as(Tokens.ops("o-1")).get("/api/calendar/PHONE").then().statusCode(200);
        as(Tokens.ops("o-1")).get("/api/calendar/PIGEON").then().statusCode(404);
    }
}
