package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.switchboard.work.AgentApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A day of contacts driven through the real intake and the agents' API — queued, answered in and out of the
 * service-level target, abandoned (one within 5 s), escalated, completed, one repeat contact — on the day the clocks
 * go forward in Amsterdam (23 hours), reported from PostgreSQL: the figures are the ones the test made happen, and
 * the same counted from the contacts.lifecycle steps it reads back; the CSV says the same.
 */
@QuarkusTest
@TestProfile(ReportTest.OnReportClock.class)
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class ReportTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate DST_DAY = LocalDate.of(2026, 3, 29);
    /** Numbers as doubles: REST Assured's default, float, would lose the figures' precision. */
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    /**
     * The work-service on {@link ReportClock}; agents stay present and reservations open while the clock jumps, and
     * while a person at a screen takes their time ({@link WorkspaceBrowserTest}): one application for all of them.
     */
    public static class OnReportClock implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ReportClock.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Surveys go out on the scheduler's own time: reports of them are not what this test can pin down.
            return Map.of("switchboard.work.presence-timeout", "1000h",
                    "switchboard.work.reservation-timeout", "1000h", "switchboard.survey.enabled", "false");
        }
    }

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Inject
    ReportClock clock;

    @Test
    void aDayOfContactsIsReportedAsItHappened() {
        List<ContactRouted> contacts = new ArrayList<>();
        try (ContactDay day = new ContactDay(clock, infrastructure,
                DST_DAY.atTime(9, 0).atZone(AMSTERDAM).toInstant())) {
            String front = day.agent(Office.FRONT_OFFICE, Channel.WHATSAPP);
            String back = day.agent(Office.BACK_OFFICE, Channel.WHATSAPP);
            Customer repeating = ContactDay.customer("Anna");

            // Answered in 10 s (WhatsApp's target is 5 minutes), handled in 2 minutes, resolved.
            ContactRouted resolved = contact(day, contacts, ContactDay.customer("Bert"));
            day.completed(front, day.answered(resolved, front, Duration.ofSeconds(10)), Duration.ofSeconds(120));
            // Answered after the target, handled in a minute; the same customer asks again below: not resolved.
            ContactRouted late = contact(day, contacts, repeating);
            day.completed(front, day.answered(late, front, Duration.ofSeconds(400)), Duration.ofSeconds(60));
            // Abandoned after the target, and within 5 s (a short abandon: out of the service level).
            ContactRouted gaveUp = contact(day, contacts, ContactDay.customer("Cor"));
            day.arrives(gaveUp);
            day.abandoned(gaveUp, Duration.ofSeconds(400));
            ContactRouted hungUp = contact(day, contacts, ContactDay.customer("Dirk"));
            day.arrives(hungUp);
            day.abandoned(hungUp, Duration.ofSeconds(2));
            // The repeat contact: answered in 15 s, handled in 90 s.
            ContactRouted repeat = contact(day, contacts, repeating);
            day.completed(front, day.answered(repeat, front, Duration.ofSeconds(15)), Duration.ofSeconds(90));
            // Answered in 5 s, escalated to the back office after 30 s, answered there 50 s later, handled in 100 s.
            ContactRouted escalated = contact(day, contacts, ContactDay.customer("Els"));
            String item = day.answered(escalated, front, Duration.ofSeconds(5));
            day.escalated(front, item, Office.BACK_OFFICE, Duration.ofSeconds(30));
            day.takenAfter(escalated, back, Duration.ofSeconds(50));
            day.completed(back, item, Duration.ofSeconds(100));
            day.step(escalated, LifecycleEventType.COMPLETED);

            Map<Office, JsonPath> byOffice = daily();
            JsonPath frontRow = byOffice.get(Office.FRONT_OFFICE);
            assertThat(frontRow.getLong("offered")).isEqualTo(6);
            assertThat(frontRow.getLong("answered")).isEqualTo(4);
            assertThat(frontRow.getLong("abandoned")).isEqualTo(2);
            assertThat(frontRow.getLong("shortAbandons")).isEqualTo(1);
            // In target: 10 s, 15 s, 5 s; out: 400 s, and the 400 s abandon.
            assertThat(frontRow.getDouble("serviceLevel")).isCloseTo(3 / 5.0, within(1e-9));
            assertThat(frontRow.getDouble("averageWaitSeconds")).isCloseTo((10 + 400 + 15 + 5) / 4.0, within(1e-3));
            assertThat(frontRow.getLong("completed")).isEqualTo(3);
            assertThat(frontRow.getDouble("averageHandlingSeconds")).isCloseTo((120 + 60 + 90) / 3.0, within(1e-3));
            assertThat(frontRow.getDouble("firstContactResolution")).isCloseTo(2 / 3.0, within(1e-9));
            assertThat(frontRow.getLong("escalations")).isEqualTo(1);
            JsonPath backRow = byOffice.get(Office.BACK_OFFICE);
            assertThat(backRow.getLong("offered")).as("offered once, where it first queued").isZero();
            assertThat(backRow.getLong("answered")).as("answered once, with its first wait").isZero();
            assertThat(backRow.getLong("completed")).isEqualTo(1);
            assertThat(backRow.getDouble("averageHandlingSeconds")).isCloseTo(100, within(1e-3));
            assertThat(backRow.getDouble("firstContactResolution")).as("escalated: not resolved").isZero();
            assertThat(backRow.getString("serviceLevel")).isNull();

            List<LifecycleEvent> steps = day.events(contacts);
            assertThat(sum(byOffice, "offered")).isEqualTo(distinctContacts(steps, LifecycleEventType.QUEUED));
            assertThat(sum(byOffice, "answered")).isEqualTo(distinctContacts(steps, LifecycleEventType.ACCEPTED));
            assertThat(sum(byOffice, "abandoned")).isEqualTo(count(steps, LifecycleEventType.ABANDONED));
            assertThat(sum(byOffice, "completed")).isEqualTo(count(steps, LifecycleEventType.COMPLETED));
            assertThat(sum(byOffice, "escalations")).isEqualTo(count(steps, LifecycleEventType.ESCALATED));
            assertThat(frontRow.getDouble("averageHandlingSeconds") * 3 + backRow.getDouble("averageHandlingSeconds"))
                    .as("handling as the COMPLETED steps measured it")
                    .isCloseTo(steps.stream().filter(step -> step.type() == LifecycleEventType.COMPLETED)
                            .mapToLong(step -> Long.parseLong(step.details().get("handlingMillis"))).sum() / 1000.0,
                            within(1e-3));
            assertThat(frontRow.getDouble("averageWaitSeconds") * 4)
                    .as("waits as the ACCEPTED steps measured them (the first accept of each contact)")
                    .isCloseTo(firstWaits(steps) / 1000.0, within(1e-3));

            assertCsvSaysTheSame(byOffice);
            assertHoursOfTheDstDay();
        }
    }

    @Test
    void complaintTopicsPerInterval() {
        try (ContactDay day = new ContactDay(clock, infrastructure,
                DST_DAY.minusDays(1).atTime(14, 10).atZone(AMSTERDAM).toInstant())) {
            // Complaints never wait for an agent here: each customer leaves a second after arriving.
            for (String text : List.of("Mijn factuur is veel te hoog", "I was charged twice for my order",
                    "Mijn pakket is niet aangekomen")) {
                ContactRouted complaint = complaint(day, text);
                day.arrives(complaint);
                day.abandoned(complaint, Duration.ofSeconds(1));
            }
            day.advance(Duration.ofHours(2));
            ContactRouted later = complaint(day, "Weer een verkeerde factuur!");
            // No keyword: the first skill the routing engine required names the topic.
            ContactRouted unnamed = complaint(day, "Dit is de derde keer dat ik bel");
            unnamed = new ContactRouted(unnamed.schemaVersion(), unnamed.contact(), unnamed.rst(), unnamed.intent(),
                    unnamed.office(), unnamed.priority(), List.of("contracts"), unnamed.slaSeconds(),
                    unnamed.confidence(), unnamed.explanation(), unnamed.routedAt(), unnamed.targeting(),
                    unnamed.modelVersion());
            for (ContactRouted complaint : List.of(later, unnamed)) {
                day.arrives(complaint);
                day.abandoned(complaint, Duration.ofSeconds(1));
            }

            String path = "/api/reports/complaints?from=%s&to=%s&interval=PT1H"
                    .formatted(DST_DAY.minusDays(1), DST_DAY);
            RestAssured.get(path).then().statusCode(401);
            as(Tokens.agent("agent-1")).get(path).then().statusCode(403);
            as(Tokens.ops("ops-1")).get(path.replace("PT1H", "PT2H")).then().statusCode(400);
            JsonPath report = as(Tokens.ops("ops-1")).get(path).then().statusCode(200).extract().jsonPath();
            Map<String, Long> counts = new HashMap<>();
            for (Map<String, Object> row : report.<Map<String, Object>>getList("rows")) {
                counts.merge(row.get("from") + " " + row.get("topic"), ((Number) row.get("complaints")).longValue(),
                        Long::sum);
            }
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "2026-03-28T13:00:00Z billing", 2L, "2026-03-28T13:00:00Z delivery", 1L,
                    "2026-03-28T15:00:00Z billing", 1L, "2026-03-28T15:00:00Z contracts", 1L));
        }
    }

    private ContactRouted complaint(ContactDay day, String text) {
        return day.contact(Channel.STORE, Office.FRONT_OFFICE, ContactDay.customer("Fleur"),
                Intent.COMPLAINT, text);
    }

    private static ContactRouted contact(ContactDay day, List<ContactRouted> contacts,
            Customer customer) {
        ContactRouted contact = day.contact(Channel.WHATSAPP, Office.FRONT_OFFICE, customer, Intent.INFORMATION,
                "Wanneer wordt mijn modem geleverd?");
        contacts.add(contact);
        return contact;
    }

    /** The day's WhatsApp rows by office, as supervisors get them. */
    private static Map<Office, JsonPath> daily() {
        JsonPath report = JsonPath.from(as(Tokens.supervisor("sup-1"))
                .get("/api/reports?from=%s&to=%s&interval=P1D&channel=WHATSAPP".formatted(DST_DAY, DST_DAY.plusDays(1)))
                .then().statusCode(200).extract().asString()).using(DOUBLES);
        assertThat(report.getString("from")).isEqualTo("2026-03-28T23:00:00Z");
        assertThat(report.getString("to")).as("the day has 23 hours").isEqualTo("2026-03-29T22:00:00Z");
        Map<Office, JsonPath> rows = new HashMap<>();
        for (int i = 0; i < report.getList("rows").size(); i++) {
            rows.put(Office.valueOf(report.getString("rows[%d].office".formatted(i))),
                    new JsonPath(RoutedContacts.json(report.getMap("rows[%d]".formatted(i)))).using(DOUBLES));
        }
        return rows;
    }

    private void assertCsvSaysTheSame(Map<Office, JsonPath> json) {
        String csv = as(Tokens.ops("ops-1")).get("/api/reports?from=%s&to=%s&interval=P1D&channel=WHATSAPP&format=csv"
                .formatted(DST_DAY, DST_DAY.plusDays(1))).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<Map<String, String>> rows = parseCsv(csv);
        assertThat(rows).hasSize(json.size());
        for (Map<String, String> row : rows) {
            JsonPath expected = json.get(Office.valueOf(row.get("office")));
            assertThat(row.get("from")).isEqualTo("2026-03-28T23:00:00Z");
            assertThat(Long.parseLong(row.get("offered"))).isEqualTo(expected.getLong("offered"));
            assertThat(Long.parseLong(row.get("abandoned"))).isEqualTo(expected.getLong("abandoned"));
            assertThat(Long.parseLong(row.get("completed"))).isEqualTo(expected.getLong("completed"));
            assertThat(Long.parseLong(row.get("escalations"))).isEqualTo(expected.getLong("escalations"));
            assertThat(Double.parseDouble(row.get("aht_seconds")))
                    .isCloseTo(expected.getDouble("averageHandlingSeconds"), within(1e-9));
            assertThat(Double.parseDouble(row.get("fcr"))).isCloseTo(expected.getDouble("firstContactResolution"),
                    within(1e-9));
            assertThat(row.get("service_level").isEmpty()).isEqualTo(expected.getString("serviceLevel") == null);
        }
        String accepted = as(Tokens.ops("ops-1")).accept("text/csv").get("/api/reports?from=%s&to=%s&channel=WHATSAPP"
                .formatted(DST_DAY, DST_DAY.plusDays(1))).then().statusCode(200).extract().asString();
        assertThat(accepted).as("Accept: text/csv, daily by default").isEqualTo(csv);
    }

    /** By the hour, the day has 23 rows per office; the contacts arrived in the hour from 9:00 (07:00 UTC). */
    private static void assertHoursOfTheDstDay() {
        JsonPath hours = as(Tokens.supervisor("sup-1")).get("/api/reports?from=%s&to=%s&interval=PT1H&channel=WHATSAPP"
                .formatted(DST_DAY, DST_DAY.plusDays(1))).then().statusCode(200).extract().jsonPath();
        List<String> starts = hours.getList("rows.from");
        assertThat(starts.stream().distinct().count()).isEqualTo(23);
        Map<String, Integer> offered = new HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            offered.merge(starts.get(i), hours.getInt("rows[%d].offered".formatted(i)), Integer::sum);
        }
        assertThat(offered.entrySet().stream().filter(hour -> hour.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .isEqualTo(Map.of("2026-03-29T07:00:00Z", 6));
    }

    private static long sum(Map<Office, JsonPath> rows, String column) {
        return rows.values().stream().mapToLong(row -> row.getLong(column)).sum();
    }

    private static long count(List<LifecycleEvent> steps, LifecycleEventType type) {
        return steps.stream().filter(step -> step.type() == type).count();
    }

    private static long distinctContacts(List<LifecycleEvent> steps, LifecycleEventType type) {
        return steps.stream().filter(step -> step.type() == type).map(LifecycleEvent::contactId).distinct().count();
    }

    private static long firstWaits(List<LifecycleEvent> steps) {
        return steps.stream().filter(step -> step.type() == LifecycleEventType.ACCEPTED)
                .collect(Collectors.toMap(LifecycleEvent::contactId,
                        step -> Long.parseLong(step.details().get("waitMillis")), (first, later) -> first))
                .values().stream().mapToLong(Long::longValue).sum();
    }

    /** RFC 4180: records end in CRLF; a quoted field may hold commas, doubled quotes and line breaks. */
    static List<Map<String, String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(fields).as("the last record ends in CRLF").isEmpty();
        List<String> header = records.get(0);
        return records.subList(1, records.size()).stream().map(values -> {
            assertThat(values).hasSameSizeAs(header);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            return row;
        }).toList();
    }
}
