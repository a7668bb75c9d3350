package io.switchboard.adapter.core.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbound loop seen from the real broker: replies go on {@code contacts.outbound}, their statuses come back on
 * {@code contacts.delivery}.
 */
public final class OutboundTopic {

    private final KafkaCompanion kafka;

    public OutboundTopic(KafkaCompanion kafka) {
        this.kafka = kafka;
    }

    /** Publishes a reply as the work-service does: keyed by its contact. */
    public void publish(OutboundMessage message) {
        try {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_OUTBOUND, message.contactId(),
                    Json.mapper().writeValueAsString(message))).awaitCompletion();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes {@code next}, a reply the loop settles, and returns its status once published: the loop takes
     * contacts.outbound one record at a time, so by then it is done with every reply published before, and a retry or
     * a second send of one of them would have come already. No waiting "long enough" for a request that must not come.
     */
    public ReplyStatus settleThrough(OutboundMessage next, Duration within) {
        publish(next);
        return single(next.replyId(), within);
    }

    /** The one status published for a reply, read back from the broker (a second one would fail the test). */
    public ReplyStatus single(String replyId, Duration within) {
        var records = new InboundTopic(kafka, Topics.CONTACTS_DELIVERY).records("replyId", List.of(replyId), 1, within);
        assertThat(records).as("statuses of reply %s", replyId).hasSize(1);
        try {
            return Json.mapper().readValue(records.get(0).value(), ReplyStatus.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
