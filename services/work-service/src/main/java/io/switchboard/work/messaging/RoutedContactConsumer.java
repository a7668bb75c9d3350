package io.switchboard.work.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.work.service.IntakePlan.Outcome;
import io.switchboard.work.service.WorkIntake;
import io.switchboard.work.service.WorkMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Queues routed contacts from {@code contacts.routed} a poll at a time: the whole batch is stored in one transaction
 * ({@link WorkIntake}), and the batch is acknowledged — its offsets committed — only after that transaction
 * committed and any poison records' dead letters were acknowledged. A redelivery finds its contacts recorded and
 * changes nothing. A record that is not a routed contact goes, alone, to {@code contacts.dlq}
 * ({@link DeadLetters}). While the database is away the batch is retried with back-off ({@link DatabaseRetry}) and
 * the partitions wait; if the data of one contact cannot be stored (a value too long, say), the batch is stored
 * contact by contact so that only that one is dead-lettered.
 */
@ApplicationScoped
public class RoutedContactConsumer {

    private static final Logger LOG = Logger.getLogger(RoutedContactConsumer.class);

    private final WorkIntake intake;
    private final DatabaseRetry retry;
    private final DeadLetters deadLetters;
    private final WorkMetrics metrics;
    private final ObjectMapper mapper;

    public RoutedContactConsumer(WorkIntake intake, DatabaseRetry retry, DeadLetters deadLetters, WorkMetrics metrics,
            ObjectMapper mapper) {
        this.intake = intake;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    @Incoming("contacts-routed")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<Readable> readable = new ArrayList<>(records.count());
        List<Uni<Void>> poison = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable.add(new Readable(record, parse(record.value())));
            } catch (IllegalArgumentException e) {
                poison.add(deadLetter(record, e));
            }
        }
        Uni<Void> deadLettered = poison.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(poison).andFailFast().replaceWithVoid();
        return deadLettered.chain(() -> readable.isEmpty() ? Uni.createFrom().voidItem()
                : retry.run("A batch of " + readable.size() + " contacts", () -> intake.take(contacts(readable)))
                        .invoke(outcomes -> count(readable, outcomes))
                        .replaceWithVoid()
                        .onFailure(DatabaseRetry::isPermanent).recoverWithUni(e -> oneByOne(readable)));
    }

    private Uni<Void> oneByOne(List<Readable> batch) {
        LOG.warnf("A batch of %d contacts could not be stored as a whole; storing them one by one", batch.size());
        return Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(one -> retry
                        .run("Contact " + one.routed().contactId(), () -> intake.take(List.of(one.routed())))
                        .invoke(outcomes -> count(List.of(one), outcomes))
                        .replaceWithVoid()
                        .onFailure(DatabaseRetry::isPermanent)
                        .recoverWithUni(e -> deadLetter(one.record(), e)))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, Throwable failure) {
        metrics.routedContact("unknown", "dead-lettered");
        LOG.warnf("Record %s-%d@%d goes to the dead letter topic: %s", record.topic(), record.partition(),
                record.offset(), failure.getMessage());
        return deadLetters.send(record, failure);
    }

    private void count(List<Readable> batch, List<Outcome> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            metrics.routedContact(batch.get(i).routed().channel().name(),
                    outcomes.get(i).name().toLowerCase(Locale.ROOT));
        }
    }

    private static List<ContactRouted> contacts(List<Readable> batch) {
        return batch.stream().map(Readable::routed).toList();
    }

    private ContactRouted parse(String payload) {
        if (payload == null) {
            throw new IllegalArgumentException("not a ContactRouted: empty message");
        }
        ContactRouted routed;
        try {
            routed = mapper.readValue(payload, ContactRouted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a ContactRouted: " + e.getOriginalMessage(), e);
        }
        if (routed == null || routed.contact() == null || routed.contact().contactId() == null
                || routed.contact().channel() == null || routed.contact().customer() == null
                || routed.office() == null) {
            throw new IllegalArgumentException(
                    "not a ContactRouted: it needs contact.contactId, channel, customer and office");
        }
        return routed;
    }

    private record Readable(ConsumerRecord<String, String> record, ContactRouted routed) {
    }
}
