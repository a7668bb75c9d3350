package io.switchboard.adapter.webshop.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.testing.BrokerTest;
import io.switchboard.adapter.webshop.outbound.ShopReplyEndpointResource.InjectShopReplyEndpoint;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.runtime.test.SwitchboardTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies to questions from the shop's own form, where the shop has a reply webhook: posted there signed, from the
 * real {@code contacts.outbound}, with the outcome on the real {@code contacts.delivery}; other replies still mailed.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(ShopReplyEndpointResource.class)
@WithTestResource(MailServerResource.class)
class FormReplyWebhookTest extends BrokerTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @InjectShopReplyEndpoint
    WireMockServer shop;

    @Inject
    MailReplies mail;

    @Inject
    FormReplyWebhook webhook;


    @Test
    void replyToAFormQuestionIsPostedSignedToTheShopAndSent() throws Exception {
        OutboundMessage reply = MailRepliesTest.reply("webshop-form", Map.of("email", "jan@example.com"),
                "Uw pakket komt morgen.");
        shop.stubFor(post(urlPathEqualTo(ShopReplyEndpointResource.PATH))
                .withRequestBody(matchingJsonPath("$.replyId", equalTo(reply.replyId()))).willReturn(ok()));

        outbound.publish(reply);

        ReplyStatus sent = outbound.single(reply.replyId(), WITHIN);
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.provider()).isEqualTo("webshop-form");
        assertThat(sent.providerMessageId()).isEqualTo(reply.replyId());
        LoggedRequest request = requestFor(reply);
        assertThat(request.getHeader("X-Switchboard-Signature"))
                .isEqualTo(SignatureScheme.SWITCHBOARD.sign("local-webshop-secret", request.getBody()));
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(reply.replyId());
        JsonNode body = Json.mapper().readTree(request.getBody());
        assertThat(body.path("messageId").asText()).isEqualTo(reply.replyTo().providerMessageId());
        assertThat(body.path("contactId").asText()).isEqualTo(reply.contactId());
        assertThat(body.path("text").asText()).isEqualTo("Uw pakket komt morgen.");
        assertThat(body.path("agentId").asText()).isEqualTo("agent-1");
    }

    @Test
    void aRefusalByTheShopFailsWithItsErrorOnce() {
        OutboundMessage reply = MailRepliesTest.reply("webshop-form", Map.of(), "x");
        shop.stubFor(post(urlPathEqualTo(ShopReplyEndpointResource.PATH))
                .withRequestBody(matchingJsonPath("$.replyId", equalTo(reply.replyId())))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"unknown messageId\"}")));

        outbound.publish(reply);

        ReplyStatus failed = outbound.single(reply.replyId(), WITHIN);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.error()).isEqualTo("422 {\"error\": \"unknown messageId\"}");
        outbound.settleThrough(takenByTheShop(), WITHIN); // the loop is past it: no retry came
        assertThat(shop.findAll(postRequestedFor(urlPathEqualTo(ShopReplyEndpointResource.PATH))
                .withRequestBody(matchingJsonPath("$.replyId", equalTo(reply.replyId()))))).hasSize(1);
    }

    @Test
    void aShopSilentPastTheTimeoutLeavesTheReplyUnconfirmed() {
        OutboundMessage reply = MailRepliesTest.reply("webshop-form", Map.of(), "x");
        shop.stubFor(post(urlPathEqualTo(ShopReplyEndpointResource.PATH))
                .withRequestBody(matchingJsonPath("$.replyId", equalTo(reply.replyId())))
                .willReturn(ok().withFixedDelay(4000)));

        outbound.publish(reply);

        assertThat(outbound.single(reply.replyId(), WITHIN).state()).isEqualTo(DeliveryState.UNCONFIRMED);
    }

    @Test
    void onlyFormRepliesGoToTheWebhookAndEveryOtherWebshopMessageIsMailed() {
        OutboundMessage formReply = MailRepliesTest.reply("webshop-form", Map.of(), "x");
        OutboundMessage shopifyReply = MailRepliesTest.reply("shopify", Map.of(), "x");
        assertThat(webhook.delivers(formReply)).isTrue();
        assertThat(mail.delivers(formReply)).isFalse();
        assertThat(webhook.delivers(shopifyReply)).isFalse();
        assertThat(mail.delivers(shopifyReply)).isTrue();
    }

    /** A form reply the shop takes at once. */
    private OutboundMessage takenByTheShop() {
        OutboundMessage reply = MailRepliesTest.reply("webshop-form", Map.of(), "x");
        shop.stubFor(post(urlPathEqualTo(ShopReplyEndpointResource.PATH))
                .withRequestBody(matchingJsonPath("$.replyId", equalTo(reply.replyId()))).willReturn(ok()));
        return reply;
    }

    private LoggedRequest requestFor(OutboundMessage reply) {
        List<LoggedRequest> requests = shop.findAll(postRequestedFor(urlPathEqualTo(ShopReplyEndpointResource.PATH))
                .withRequestBody(matchingJsonPath("$.replyId", equalTo(reply.replyId()))));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
