package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
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

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.AgentApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

/**
 * Message text past the retention period (365 days by default) is removed on a supervisor's request as by the
 * scheduled job — the customer's message and the reply to it, and the routing correction that carries the message
 * on its compacted topic — and the run is audited; younger text stays.
 */
@QuarkusTest
@TestProfile(ReportTest.OnReportClock.class)
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class RetentionTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Inject
    ReportClock clock;

    @Inject
    Pool pool;

    @Test
    void textOlderThanTheRetentionIsRemovedAndTheRunAudited() {
        String n = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        try (ContactDay day = new ContactDay(clock, infrastructure, now.minus(Duration.ofDays(400)))) {
            String agent = day.agent(Office.FRONT_OFFICE, Channel.WHATSAPP);
            ContactRouted old = day.contact(Channel.WHATSAPP, Office.FRONT_OFFICE, ContactDay.customer("Oud"),
                    Intent.INFORMATION, "Een oude vraag " + n);
            String item = day.answered(old, agent, Duration.ofSeconds(5));
            as(Tokens.agent(agent)).body(Map.of("rst", "SPECIALIST", "intent", "INFORMATION",
                    "reason", "contract question")).post("/api/work/" + item + "/classification").then()
                    .statusCode(200);
            as(Tokens.agent(agent)).header("Idempotency-Key", n).body(Map.of("text", "Een oud antwoord " + n))
                    .post("/api/work/" + item + "/replies").then().statusCode(lessThan(300));
            day.completed(agent, item, Duration.ofSeconds(30));

            clock.set(now);
            ContactRouted recent = day.contact(Channel.WHATSAPP, Office.FRONT_OFFICE, ContactDay.customer("Nieuw"),
                    Intent.INFORMATION, "Een nieuwe vraag " + n);
            day.arrives(recent);
            day.abandoned(recent, Duration.ofSeconds(1));

            as(Tokens.agent(agent)).post("/api/privacy/retention").then().statusCode(403);
            String run = as(Tokens.supervisor("sup-1")).post("/api/privacy/retention").then().statusCode(200)
                    .body("action", equalTo("MESSAGES_EXPIRED"))
                    .body("actor", equalTo("sup-1"))
                    .body("details.messages", greaterThanOrEqualTo(1))
                    .body("details.replies", greaterThanOrEqualTo(1))
                    .extract().path("id");

            assertThat(text("SELECT text FROM contact_message WHERE contact_id = $1", old.contactId())).isNull();
            assertThat(text("SELECT string_agg(coalesce(text, ''), '') FROM reply WHERE work_item_id = $1::uuid", item))
                    .isEmpty();
            assertThat(text("SELECT text FROM contact_message WHERE contact_id = $1", recent.contactId()))
                    .isEqualTo("Een nieuwe vraag " + n);
            assertThat(day.corrections(old, 2)).as("the correction with the old text, then its tombstone")
                    .satisfiesExactly(first -> assertThat(first).contains("Een oude vraag " + n),
                            second -> assertThat(second).isNull());
            as(Tokens.supervisor("sup-1")).get("/api/privacy/retention").then().statusCode(200)
                    .body("messageRetention", equalTo("P365D"))
                    .body("lastRun.id", equalTo(run));
        }
    }

    private String text(String sql, String argument) {
        Row row = pool.preparedQuery(sql).execute(Tuple.of(argument)).await().indefinitely().iterator().next();
        return row.getString(0);
    }
}
