package io.switchboard.adapter.store.outbound;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.adapter.core.testing.BrokerTest;
import io.switchboard.adapter.store.outbound.QminderApiResource.InjectQminderApi;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calling a store visitor's ticket to the agent's desk, end to end on the real broker: a {@code CONNECT} or
 * {@code REPLY} on {@code contacts.outbound} becomes Qminder's call request at a WireMock stand-in for its REST
 * API, and the outcome a {@code ReplyStatus} on {@code contacts.delivery}.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(QminderApiResource.class)
class TicketCallerTest extends BrokerTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @InjectQminderApi
    WireMockServer qminder;


    @Test
    void connectCallsTheTicketToTheAgentsDeskAsTheAgentsUser() {
        OutboundMessage connect = message(OutboundKind.CONNECT, "user:15151,desk:3");
        String ticketId = connect.replyTo().providerMessageId();
        qminder.stubFor(post(callPath(ticketId)).willReturn(okJson(calledTicket(ticketId))));

        outbound.publish(connect);

        ReplyStatus status = outbound.single(connect.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        assertThat(status.providerMessageId()).isEqualTo(ticketId);
        assertThat(status.provider()).isEqualTo("store-queue");
        assertThat(status.channel()).isEqualTo(Channel.STORE);
        qminder.verify(1, postRequestedFor(urlPathEqualTo(callPath(ticketId)))
                .withHeader("X-Qminder-REST-API-Key", equalTo("local-qminder-api-key"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("user", equalTo("15151"))
                .withFormParam("desk", equalTo("3")));
    }

    @Test
    void aWrittenReplyCallsTheTicketTooAndWithoutADeskQminderChoosesIt() {
        OutboundMessage reply = message(OutboundKind.REPLY, null);
        String ticketId = reply.replyTo().providerMessageId();
        qminder.stubFor(post(callPath(ticketId)).willReturn(okJson(calledTicket(ticketId))));

        outbound.publish(reply);

        assertThat(outbound.single(reply.replyId(), WITHIN).state()).isEqualTo(DeliveryState.SENT);
        qminder.verify(1, postRequestedFor(urlPathEqualTo(callPath(ticketId)))
                .withFormParam("user", absent()).withFormParam("desk", absent()));
    }

    @Test
    void aTicketThatCannotBeCalledFailsWithQmindersReasonOnce() {
        OutboundMessage connect = message(OutboundKind.CONNECT, "desk:3");
        String ticketId = connect.replyTo().providerMessageId();
        qminder.stubFor(post(callPath(ticketId)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"statusCode\":409,\"message\":\"Ticket is not in status NEW\"}")));

        outbound.publish(connect);

        ReplyStatus status = outbound.single(connect.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.error()).isEqualTo("409 Ticket is not in status NEW");
        outbound.settleThrough(noDesk(), WITHIN); // the loop is past it: no retry came
        qminder.verify(1, postRequestedFor(urlPathEqualTo(callPath(ticketId))));
    }

    @Test
    void aQminderOutageIsRetriedAndTheTicketCalledOnce() {
        OutboundMessage connect = message(OutboundKind.CONNECT, "desk:3");
        String ticketId = connect.replyTo().providerMessageId();
        String scenario = "outage-" + ticketId;
        qminder.stubFor(post(callPath(ticketId)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>bad gateway")).willSetStateTo("recovered"));
        qminder.stubFor(post(callPath(ticketId)).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(okJson(calledTicket(ticketId))));

        outbound.publish(connect);

        assertThat(outbound.single(connect.replyId(), WITHIN).state()).isEqualTo(DeliveryState.SENT);
        qminder.verify(2, postRequestedFor(urlPathEqualTo(callPath(ticketId))));
    }

    @Test
    void aQminderSilentPastTheReadTimeoutLeavesTheCallUnconfirmedAfterOneRequest() {
        OutboundMessage connect = message(OutboundKind.CONNECT, "desk:3");
        String ticketId = connect.replyTo().providerMessageId();
        qminder.stubFor(post(callPath(ticketId)).willReturn(okJson(calledTicket(ticketId)).withFixedDelay(4000)));

        outbound.publish(connect);

        // Qminder may have called the ticket: calling it again would only fail, so it is not retried
        assertThat(outbound.single(connect.replyId(), WITHIN).state()).isEqualTo(DeliveryState.UNCONFIRMED);
        outbound.settleThrough(noDesk(), WITHIN);
        qminder.verify(1, postRequestedFor(urlPathEqualTo(callPath(ticketId))));
    }

    @Test
    void anAddressThatIsNoDeskIsUndeliverableWithoutAsking() {
        OutboundMessage connect = noDesk();

        outbound.publish(connect);

        ReplyStatus status = outbound.single(connect.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.error()).startsWith("store agent address 'client:anna' is not user:<id>, desk:<id>");
        qminder.verify(0, postRequestedFor(urlPathEqualTo(callPath(connect.replyTo().providerMessageId()))));
    }

    private static OutboundMessage message(OutboundKind kind, String agentAddress) {
        String ticketId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "r-" + UUID.randomUUID(), kind,
                UUID.randomUUID().toString(),
                Channel.STORE, new Customer("phone:+31612345678", "+31612345678", null, null, "Jan"),
                kind == OutboundKind.REPLY ? "Your phone is ready at desk 3." : null, List.of(), null, null, false,
                "k", "agent-1", agentAddress, new ReplyContext("store-queue", ticketId, false, Instant.now(),
                        Map.of("line", "82364", "location", "Amsterdam Damrak")), Instant.now());
    }

    /** A CONNECT the loop fails at once, without asking Qminder. */
    private static OutboundMessage noDesk() {
        return message(OutboundKind.CONNECT, "client:anna");
    }

    private static String callPath(String ticketId) {
        return "/v1/tickets/" + ticketId + "/call";
    }

    private static String calledTicket(String ticketId) {
        return "{\"id\":\"" + ticketId + "\",\"status\":\"CALLED\",\"line\":82364,\"firstName\":\"Jan\"}";
    }
}
