package io.switchboard.adapter.webshop;

import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.core.testing.WebhookContractTest;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.OrderPlaced;
import io.switchboard.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The three webshop endpoints owe their gateways the same behaviour, all on the WEBSHOP channel. */
abstract class WebshopContractTest extends WebhookContractTest {

    @Override
    protected Channel channel() {
        return Channel.WEBSHOP;
    }

    /**
     * The orders published on the real {@code contacts.orders} for this order id, each checked to be keyed by it: all
     * there are once the shop got its 2xx, which comes only after Kafka acknowledged them.
     */
    protected List<OrderPlaced> ordersPlaced(String orderId) {
        List<ConsumerRecord<String, String>> records = new InboundTopic(kafka, Topics.CONTACTS_ORDERS)
                .upToNow("orderId", List.of(orderId));
        assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo(orderId));
        return records.stream().map(record -> {
            try {
                return Json.mapper().readValue(record.value(), OrderPlaced.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
