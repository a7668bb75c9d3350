package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.AgentApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

/**
 * A customer's erasure on request: afterwards nothing of them — keys, name, phone, e-mail, the text they wrote or
 * were sent — is in any text or JSON column of any table, nor in their timeline, while the reports of their day are
 * what they were. Their routing correction, kept with their text on a compacted topic, is withdrawn by a
 * tombstone. The erasure is audited under the key's SHA-256.
 */
@QuarkusTest
@TestProfile(ReportTest.OnReportClock.class)
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class ErasureTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 30);

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Inject
    ReportClock clock;

    @Inject
    Pool pool;

    @Test
    void erasureLeavesNothingOfTheCustomerAndTheReportsAsTheyWere() throws Exception {
        String n = UUID.randomUUID().toString().substring(0, 8);
        String name = "Erika Erasmus-" + n;
        String phone = "+3169" + (1_000_000 + Math.abs(n.hashCode() % 8_999_999));
        String email = "erika-" + n + "@example.com";
        Customer onWhatsApp = new Customer("whatsapp:" + phone.substring(1), phone, null, null, name);
        Customer byEmail = new Customer("email:" + email, null, email, null, name);
        String secret = "klantnummer KN-" + n;

        Instant ten = DAY.atTime(10, 0).atZone(ReportTest.AMSTERDAM).toInstant();
        try (ContactDay day = new ContactDay(clock, infrastructure, ten)) {
            String agent = day.agent(Office.FRONT_OFFICE, Channel.WHATSAPP, Channel.WEBSHOP);
            ContactRouted question = day.contact(Channel.WHATSAPP, Office.FRONT_OFFICE, onWhatsApp,
                    Intent.INFORMATION, "Goedemiddag, mijn " + secret + " werkt niet");
            String first = day.answered(question, agent, Duration.ofSeconds(20));
            // The agent corrects the routing: the correction, with the customer's text, goes to a compacted topic.
            as(Tokens.agent(agent)).body(Map.of("rst", "SPECIALIST", "intent", "INFORMATION",
                    "reason", "contract question")).post("/api/work/" + first + "/classification").then()
                    .statusCode(200);
            as(Tokens.agent(agent)).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("text", "Beste " + name + ", uw " + secret + " is hersteld"))
                    .post("/api/work/" + first + "/replies").then().statusCode(lessThan(300));
            day.advance(Duration.ofSeconds(90));
            as(Tokens.agent(agent)).body(Map.of("resolution", "ANSWERED", "firstContactResolution", true,
                    "notes", "Belde over " + secret + ", " + email)).post("/api/work/" + first + "/complete")
                    .then().statusCode(200);
            ContactRouted complaint = day.contact(Channel.WEBSHOP, Office.FRONT_OFFICE, byEmail, Intent.COMPLAINT,
                    "Uw factuur klopt niet, groet " + name);
            day.completed(agent, day.answered(complaint, agent, Duration.ofSeconds(30)), Duration.ofSeconds(45));

            as(Tokens.supervisor("sup-1")).put("/api/customers/" + onWhatsApp.key() + "/links/" + byEmail.key())
                    .then().statusCode(204);
            as(Tokens.supervisor("sup-1")).contentType("text/csv").body("""
                    customerKey,name,segment,products
                    %s,%s,consumer,internet
                    """.formatted(byEmail.key(), name)).post("/api/customers/profiles").then().statusCode(200);
            String reportBefore = report("");
            String complaintsBefore = report("/complaints");
            assertThat(JsonPath.from(complaintsBefore).getList("rows.topic")).contains("billing");

            List<String> customerData = List.of(onWhatsApp.key(), byEmail.key(), name, phone.substring(1), email,
                    secret);
            assertThat(columnsHolding(customerData)).as("the search finds what there is to erase").contains(
                    "work_item.customer_name: %" + name.toLowerCase() + "%",
                    "contact_message.text: %" + secret.toLowerCase() + "%", "reply.text: %" + name.toLowerCase() + "%",
                    "customer_link.linked_key: %" + byEmail.key() + "%",
                    "customer_profile.name: %" + name.toLowerCase() + "%");

            as(Tokens.agent(agent)).delete("/api/customers/" + onWhatsApp.key()).then().statusCode(403);
            as(Tokens.supervisor("sup-1")).delete("/api/customers/" + onWhatsApp.key()).then().statusCode(200)
                    .body("action", equalTo("CUSTOMER_ERASED"))
                    .body("actor", equalTo("sup-1"))
                    .body("subject", equalTo("customer:" + sha256(onWhatsApp.key())))
                    .body("details.keys", equalTo(2))
                    .body("details.workItems", equalTo(2))
                    .body("details.messages", equalTo(2))
                    .body("details.replies", equalTo(1))
                    .body("details.profiles", equalTo(1))
                    .body("details.links", equalTo(2));

            assertThat(report("")).as("the facts stay: the day's figures are unchanged").isEqualTo(reportBefore);
            assertThat(report("/complaints")).isEqualTo(complaintsBefore);
            for (Customer customer : List.of(onWhatsApp, byEmail)) {
                as(Tokens.supervisor("sup-1")).get("/api/customers/" + customer.key() + "/timeline").then()
                        .statusCode(200).body("contacts.size()", equalTo(0)).body("profile", equalTo(null));
            }
            assertThat(columnsHolding(customerData)).as("columns that still hold something of the customer").isEmpty();
            List<String> correction = day.corrections(question, 2);
            assertThat(correction.get(0)).as("the correction, with the customer's text").contains(secret);
            assertThat(correction.get(1)).as("its tombstone").isNull();
            assertThat(pool.preparedQuery("SELECT count(*) FROM audit_event WHERE action = 'CUSTOMER_ERASED' "
                            + "AND subject = $1").execute(Tuple.of("customer:" + sha256(onWhatsApp.key())))
                    .await().indefinitely().iterator().next().getLong(0)).isEqualTo(1);
        }
    }

    private static String report(String path) {
        return as(Tokens.supervisor("sup-1")).get("/api/reports%s?from=%s&to=%s&interval=PT1H".formatted(path, DAY,
                DAY.plusDays(1))).then().statusCode(200).extract().asString();
    }

    /** Every text, character and JSON column of every table, searched for each value: "table.column: value". */
    private List<String> columnsHolding(List<String> values) {
        List<String> found = new ArrayList<>();
        String[] patterns = values.stream().map(value -> "%" + value.toLowerCase() + "%").toArray(String[]::new);
        for (Row column : pool.query("""
                SELECT table_name, column_name FROM information_schema.columns
                 WHERE table_schema = current_schema()
                   AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')""")
                .execute().await().indefinitely()) {
            String table = column.getString("table_name");
            String name = column.getString("column_name");
            String search = "SELECT DISTINCT p FROM \"%s\", unnest($1::text[]) AS p WHERE lower(\"%s\"::text) LIKE p";
            for (Row hit : pool.preparedQuery(search.formatted(table, name)).execute(Tuple.of(patterns))
                    .await().indefinitely()) {
                found.add(table + "." + name + ": " + hit.getString(0));
            }
        }
        return found;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
