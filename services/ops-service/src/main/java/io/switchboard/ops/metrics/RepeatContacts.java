package io.switchboard.ops.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * First-contact resolution needs to know whether the same customer came back about the same subject (their
 * intent) within the repeat window. The topics replay in no fixed order relative to each other, so both sides
 * are kept: a completion checks for later arrivals, and an arrival undoes earlier completions.
 */
final class RepeatContacts {

    private record Arrival(String contactId, Instant at) {
    }

    private final Duration window;
    private final Map<String, List<Arrival>> arrivals = new HashMap<>();
    private final Map<String, List<ContactRecord>> resolved = new HashMap<>();

    RepeatContacts(Duration window) {
        this.window = window;
    }

    /** Whether a contact completed at {@code completedAt} already has a repeat contact. */
    boolean repeatedAfter(String subject, String contactId, Instant completedAt) {
        return arrivals.getOrDefault(subject, List.of()).stream()
                .anyMatch(arrival -> !arrival.contactId().equals(contactId) && within(completedAt, arrival.at()));
    }

    /** Remembers a completion counted as resolved at first contact, so a later arrival can undo it. */
    void resolved(String subject, ContactRecord contact) {
        resolved.computeIfAbsent(subject, s -> new ArrayList<>()).add(contact);
    }

    /** Records an arrival and returns the resolved contacts it turns into repeats (each returned once). */
    List<ContactRecord> arrived(String subject, String contactId, Instant at) {
        arrivals.computeIfAbsent(subject, s -> new ArrayList<>()).add(new Arrival(contactId, at));
        List<ContactRecord> undone = new ArrayList<>();
        List<ContactRecord> candidates = resolved.get(subject);
        if (candidates == null) {
            return undone;
        }
        candidates.removeIf(contact -> {
            boolean repeat = !contact.contactId.equals(contactId) && within(contact.completedAt, at);
            if (repeat) {
                undone.add(contact);
            }
            return repeat;
        });
        return undone;
    }

    /** Forgets what can no longer affect a count: anything older than twice the window. */
    void forgetBefore(Instant now) {
        Instant horizon = now.minus(window.multipliedBy(2));
        arrivals.values().forEach(list -> list.removeIf(arrival -> arrival.at().isBefore(horizon)));
        arrivals.values().removeIf(List::isEmpty);
        resolved.values().forEach(list -> list.removeIf(contact -> contact.completedAt.isBefore(horizon)));
        resolved.values().removeIf(List::isEmpty);
    }

    private boolean within(Instant completedAt, Instant arrival) {
        return arrival.isAfter(completedAt) && !arrival.isAfter(completedAt.plus(window));
    }
}
