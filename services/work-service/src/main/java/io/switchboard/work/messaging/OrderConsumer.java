package io.switchboard.work.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.OrderPlaced;
import io.switchboard.work.service.Offers;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Webshop orders from {@code contacts.orders}, one record at a time, matched to the offers shown to their customer
 * ({@link Offers}); never work. Acknowledged after the database committed (a redelivered order finds its offers
 * taken); unreadable records are dead-lettered.
 */
@ApplicationScoped
public class OrderConsumer {

    private static final Logger LOG = Logger.getLogger(OrderConsumer.class);

    private final Offers offers;
    private final DatabaseRetry retry;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    public OrderConsumer(Offers offers, DatabaseRetry retry, DeadLetters deadLetters, ObjectMapper mapper) {
        this.offers = offers;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    @Incoming("contacts-orders")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        OrderPlaced order;
        try {
            order = mapper.readValue(record.value() == null ? "null" : record.value(), OrderPlaced.class);
        } catch (JsonProcessingException e) {
            return deadLetters.send(record, new IllegalArgumentException("not an OrderPlaced: "
                    + e.getOriginalMessage(), e));
        }
        if (order == null || order.orderId() == null || order.customer() == null || order.customer().key() == null) {
            return deadLetters.send(record, new IllegalArgumentException(
                    "not an OrderPlaced with orderId and customer.key"));
        }
        return retry.run("Order " + order.orderId(), () -> offers.orderPlaced(order))
                .invoke(taken -> LOG.debugf("Order %s took %d offers", order.orderId(), taken))
                .replaceWithVoid()
                .onFailure(DatabaseRetry::isPermanent)
                .recoverWithUni(e -> deadLetters.send(record, e));
    }
}
