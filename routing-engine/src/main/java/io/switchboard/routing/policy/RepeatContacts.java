package io.switchboard.routing.policy;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers recent contacts per customer, so a customer who comes back soon is served sooner. Contacts are keyed
 * by customer on {@code contacts.inbound}, so one customer's contacts reach the same engine instance; after a
 * partition moves, the new owner starts without that memory, which costs at most one missed boost. A redelivered
 * contact (same contact id) is not counted as a repeat. Bounded: the least recently seen customers are forgotten.
 */
@ApplicationScoped
public class RepeatContacts {

    private static final int MAX_CUSTOMERS = 100_000;

    private final Map<String, Map<String, Instant>> seen = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Instant>> eldest) {
            return size() > MAX_CUSTOMERS;
        }
    };

    /** Records the contact and returns how many other contacts the customer made within {@code window}. */
    public synchronized int record(String customerKey, String contactId, Instant at, Duration window) {
        int earlier = earlier(customerKey, contactId, at, window);
        Map<String, Instant> contacts = seen.computeIfAbsent(customerKey, key -> new HashMap<>());
        contacts.values().removeIf(time -> time.isBefore(at.minus(window)));
        contacts.put(contactId, at);
        return earlier;
    }

    /** How many other contacts the customer made within {@code window} before {@code at}, recording nothing. */
    public synchronized int earlier(String customerKey, String contactId, Instant at, Duration window) {
        Map<String, Instant> contacts = seen.get(customerKey);
        if (contacts == null) {
            return 0;
        }
        Instant since = at.minus(window);
        return (int) contacts.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(contactId) && entry.getValue().isAfter(since))
                .count();
    }
}
