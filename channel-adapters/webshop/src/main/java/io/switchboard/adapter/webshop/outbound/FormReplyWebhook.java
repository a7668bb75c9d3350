package io.switchboard.adapter.webshop.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.core.signature.SignatureKey;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.webshop.rest.ContactFormResource;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers a question asked through the shop's own contact form through the shop's reply webhook, where one is
 * configured ({@code switchboard.webshop.form-reply-url}), instead of by e-mail: the shop shows or sends the answer
 * in its own way (README, "The shop form's reply webhook"). The body is JSON ({@link FormReply}), signed like the
 * form's own webhook ({@code X-Switchboard-Signature: sha256=<hex HMAC-SHA256 of the body>}), and carries the
 * reply id as {@code Idempotency-Key}, so a retried request is recognisably the same answer.
 */
@ApplicationScoped
public class FormReplyWebhook implements OutboundSender {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final Optional<URI> url;
    private final Optional<SignatureKey> key;
    private final Duration timeout;
    private final HttpClient http;

    public FormReplyWebhook(@ConfigProperty(name = "switchboard.webshop.form-reply-url") Optional<URI> url,
            @ConfigProperty(name = "switchboard.webshop.form-reply-secret") Optional<String> secret,
            @ConfigProperty(name = "switchboard.webshop.form-reply-timeout", defaultValue = "PT10S") Duration timeout) {
        this.url = url;
        this.key = secret.filter(value -> !value.isBlank()).map(SignatureScheme.SWITCHBOARD::key);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** A written reply to a form question, when the shop has a reply webhook; every other reply is mailed. */
    @Override
    public boolean delivers(OutboundMessage message) {
        return url.isPresent() && message.channel() == Channel.WEBSHOP && message.kind() == OutboundKind.REPLY
                && message.replyTo() != null && ContactFormResource.PROVIDER.equals(message.replyTo().provider());
    }

    /** @return the reply id: the shop's webhook answers with no id of its own */
    @Override
    public String send(OutboundMessage message) {
        SignatureKey signing = key.orElseThrow(() -> ProviderException.undeliverable(
                "SWITCHBOARD_WEBSHOP_FORM_REPLY_SECRET is not set: the shop's reply webhook cannot be signed"));
        byte[] body = body(FormReply.of(message));
        HttpRequest request = HttpRequest.newBuilder(url.orElseThrow()).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(SignatureScheme.SWITCHBOARD.header(), signing.sign(body))
                .header("Idempotency-Key", message.replyId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException notConnected) {
            throw ProviderException.unreachable(notConnected);
        } catch (IOException e) {
            // Refused or unknown host: retried. Timed out or cut after sending: the shop may have it, UNCONFIRMED.
            throw ProviderException.ofTransportFailure(new UncheckedIOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting the reply to the shop", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw ProviderException.ofStatus(response.statusCode(), excerpt(response.body()));
        }
        return message.replyId();
    }

    private static byte[] body(FormReply reply) {
        try {
            return Json.mapper().writeValueAsBytes(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a form reply is plain JSON", e);
        }
    }

    /** The endpoint's own words, one line and short, for the FAILED status. */
    private static String excerpt(String body) {
        String line = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            return "(no body)";
        }
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    /**
     * What the shop's reply webhook receives.
     *
     * @param messageId the form submission being answered (the shop's own {@code messageId}): the conversation
     *                  reference on the shop's side
     * @param contactId Switchboard's id of the conversation
     */
    record FormReply(String replyId, String messageId, String contactId, String text, String agentId, Instant sentAt) {

        static FormReply of(OutboundMessage message) {
            return new FormReply(message.replyId(), message.replyTo().providerMessageId(), message.contactId(),
                    message.text(), message.agentId(), Instant.now());
        }
    }
}
