package io.switchboard.adapter.core.unmapped;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.problem.Rejection;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import io.switchboard.adapter.core.webhook.LogText;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.UnmappedDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Signed means kept (docs/channels.md): a verified delivery is mapped, and when the mapping fails its raw body
 * goes with the reason to {@code contacts.unmapped} (acks=all, like a contact) before the gateway gets its 2xx.
 * Only a broker that does not acknowledge turns into a 503, so the gateway retries.
 */
@ApplicationScoped
public class SignedDeliveries {

    private static final Logger LOG = Logger.getLogger(SignedDeliveries.class);

    private final MutinyEmitter<UnmappedDelivery> emitter;
    private final Channel channel;
    private final AdapterMetrics metrics;

    public SignedDeliveries(@org.eclipse.microprofile.reactive.messaging.Channel("contacts-unmapped")
            MutinyEmitter<UnmappedDelivery> emitter, @ConfigProperty(name = "switchboard.channel") Channel channel,
            AdapterMetrics metrics) {
        this.emitter = emitter;
        this.channel = channel;
        this.metrics = metrics;
    }

    /** Maps the delivery; what cannot be mapped is kept unmapped instead of refused. */
    public Uni<Void> accept(SignedDelivery delivery, String provider, DeliveryMapping mapping) {
        Uni<Void> mapped;
        try {
            mapped = mapping.map(delivery);
        } catch (RuntimeException e) {
            if (brokerUnavailable(e)) {
                throw e;
            }
            return keep(delivery, provider, UnmappableException.of(e));
        }
        return mapped.onFailure(failure -> failure instanceof RuntimeException && !brokerUnavailable(failure))
                .recoverWithUni(failure -> keep(delivery, provider, UnmappableException.of((RuntimeException) failure)));
    }

    /** Kafka did not take what the mapping published: the gateway must retry (503), nothing is kept. */
    static boolean brokerUnavailable(Throwable failure) {
        return failure instanceof WebhookRejectedException rejected && rejected.rejection() == Rejection.UNAVAILABLE;
    }

    private Uni<Void> keep(SignedDelivery delivery, String provider, UnmappableException reason) {
        String id = deliveryId(channel, delivery);
        Body body = Body.of(delivery.body());
        UnmappedDelivery unmapped = new UnmappedDelivery(UnmappedDelivery.SCHEMA_VERSION, id, channel, provider,
                delivery.endpoint(), Instant.now(), reason.reason().tag(), reason.getMessage(), delivery.headers(),
                body.text(), body.encoding());
        return emitter.sendMessage(Message.of(unmapped)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(id).build()))
                .onItem().invoke(() -> {
                    metrics.unmapped(reason.reason().tag());
                    LOG.infof("Kept unmapped delivery %s from %s (%s): %s", id, delivery.path(), reason.reason().tag(),
                            LogText.escape(reason.getMessage()));
                })
                .onFailure().transform(WebhookRejectedException::unavailable);
    }

    /** Derived from what was signed, so a redelivery of the same body has the same id. */
    public static String deliveryId(Channel channel, SignedDelivery delivery) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(delivery.body());
            String name = channel.name() + ":" + delivery.endpoint() + ":" + HexFormat.of().formatHex(digest);
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The raw body as text: UTF-8 where it is (every JSON and form body), otherwise base64. */
    record Body(String text, String encoding) {

        static Body of(byte[] bytes) {
            try {
                return new Body(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(), null);
            } catch (CharacterCodingException e) {
                return new Body(Base64.getEncoder().encodeToString(bytes), UnmappedDelivery.BASE64);
            }
        }

        static byte[] decode(UnmappedDelivery delivery) {
            String body = delivery.body() == null ? "" : delivery.body();
            return UnmappedDelivery.BASE64.equals(delivery.bodyEncoding()) ? Base64.getDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8);
        }
    }
}
