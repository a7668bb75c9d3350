package io.switchboard.bench;

import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.PostgresNode;
import io.switchboard.runtime.SwitchboardStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every webhook that got a 2xx against what the work-service stored: each accepted contact must be in exactly one
 * work item (as its opening contact or a follow-up joined to it). Read straight from PostgreSQL, the
 * work-service's own record, and from {@code contacts.inbound}.
 */
final class Reconciliation {

    /**
     * Duplicates where they can occur; the primary keys on contact ids rule out the rest.
     *
     * @param contactIdsPerDelivery  extra contact ids on contacts.inbound for one provider message id (a webhook
     *                               accepted twice that made two contacts)
     * @param storedNeverSent        contacts the work-service holds that no webhook of the run was sent for (a
     *                               second contact id made from one delivery reaches the database as such)
     * @param inTwoConversations     contacts that opened one work item and are recorded as a message of another
     * @param conversationsOpenTwice extra open work items of one customer on one channel (a follow-up must join the
     *                               open item, however often its contact was routed)
     */
    record Duplicates(long contactIdsPerDelivery, long storedNeverSent, long inTwoConversations, long conversationsOpenTwice) {
        long total() {
            return contactIdsPerDelivery + storedNeverSent + inTwoConversations + conversationsOpenTwice;
        }

        @Override
        public String toString() {
            return total() == 0 ? "0 duplicated" : ("%d duplicated (%d extra contact ids for one delivery, %d stored but never "
                    + "sent, %d contacts in two conversations, %d conversations open twice)").formatted(total(),
                    contactIdsPerDelivery, storedNeverSent, inTwoConversations, conversationsOpenTwice);
        }
    }

    record Outcome(int accepted, int stored, List<String> lost, Duplicates duplicates) {
        boolean clean() {
            return lost.isEmpty() && duplicates.total() == 0;
        }

        @Override
        public String toString() {
            return "%,d accepted, %,d stored, %d lost, %s%s".formatted(accepted, stored, lost.size(), duplicates,
                    lost.isEmpty() ? "" : " (first lost: " + lost.subList(0, Math.min(5, lost.size())) + ")");
        }
    }

    private static final String IN_TWO_CONVERSATIONS = """
            SELECT count(*) FROM work_item w JOIN contact_message m ON m.contact_id = w.contact_id
             WHERE m.work_item_id <> w.id""";

    private static final String CONVERSATIONS_OPEN_TWICE = """
            SELECT coalesce(sum(open - 1), 0) FROM (
                SELECT count(*) AS open FROM work_item WHERE state IN ('QUEUED', 'RESERVED', 'ACCEPTED')
                 GROUP BY customer_key, channel HAVING count(*) > 1) AS conversation""";

    private final PostgresNode postgres;
    private final String bootstrapServers;

    Reconciliation(PostgresNode postgres, String bootstrapServers) {
        this.postgres = postgres;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Waits up to {@code patience} for the pipeline to drain, then compares.
     *
     * @param sent whether the run sent a webhook for a contact id
     */
    Outcome reconcile(Set<String> accepted, Predicate<String> sent, Duration patience) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Set<String> stored = stored(accepted);
        while (stored.size() < accepted.size() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            stored = stored(accepted);
        }
        List<String> lost = new ArrayList<>(accepted);
        lost.removeAll(stored);
        return new Outcome(accepted.size(), stored.size(), lost, duplicates(sent));
    }

    /** Which of {@code contactIds} the work-service holds. */
    Set<String> stored(Set<String> contactIds) throws SQLException {
        Set<String> found = new HashSet<>();
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT contact_id FROM contact_message WHERE contact_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", contactIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    private Duplicates duplicates(Predicate<String> sent) throws SQLException {
        try (Connection connection = connect()) {
            long storedNeverSent = 0;
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT contact_id FROM contact_message")) {
                while (rows.next()) {
                    storedNeverSent += sent.test(rows.getString(1)) ? 0 : 1;
                }
            }
            return new Duplicates(contactIdsPerDelivery(), storedNeverSent, count(connection, IN_TWO_CONVERSATIONS),
                    count(connection, CONVERSATIONS_OPEN_TWICE));
        }
    }

    /** Contact ids beyond the first that contacts.inbound holds for one channel and provider message id. */
    private long contactIdsPerDelivery() {
        Map<String, Set<String>> idsByDelivery = new HashMap<>();
        try (TopicReader reader = new TopicReader(bootstrapServers)) {
            for (ConsumerRecord<String, String> record : reader.readAll(Topics.CONTACTS_INBOUND)) {
                contact(record.value()).ifPresent(contact -> idsByDelivery.computeIfAbsent(
                        contact.channel() + " " + contact.providerMessageId(), key -> new HashSet<>()).add(contact.contactId()));
            }
        }
        return idsByDelivery.values().stream().mapToLong(ids -> ids.size() - 1).sum();
    }

    /** Empty for the garbage the suite itself put on the topic (that is the dead-letter queue's business). */
    private static Optional<ContactReceived> contact(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.mapper().readValue(value, ContactReceived.class))
                    .filter(contact -> contact.contactId() != null);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return postgres.connect(SwitchboardStack.DATABASE);
    }
}
