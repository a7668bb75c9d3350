package io.switchboard.ops.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * First-contact resolution needs to know whether the same customer came back about the same subject (their
 * intent) within the repeat window. The topics replay in no fixed order relative to each other, so both sides
 * are kept: a completion checks for later arrivals, and an arrival undoes earlier completions. Kept compact and
 * bounded: per subject a few of its latest arrivals and its resolved completions (no contact records), and at
 * most {@code maxSubjects} subjects, the least recently seen forgotten first.
 */
final class RepeatContacts {

    /** A customer with more contacts about one subject inside the window is a repeat whichever of them is kept. */
    static final int ARRIVALS_PER_SUBJECT = 4;

    private record Arrival(String contactId, Instant at) {
    }

    /** A completion counted as resolved at first contact: where to take the count back from. */
    record Resolved(String contactId, Scope scope, Instant completedAt) {
    }

    private static final class Subject {
        final List<Arrival> arrivals = new ArrayList<>(2);
        final List<Resolved> resolved = new ArrayList<>(1);
    }

    private final Duration window;
    private final Map<String, Subject> subjects;

    RepeatContacts(Duration window, int maxSubjects) {
        this.window = window;
        this.subjects = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Subject> eldest) {
                return size() > maxSubjects;
            }
        };
    }

    /** Whether a contact completed at {@code completedAt} already has a repeat contact. */
    boolean repeatedAfter(String subject, String contactId, Instant completedAt) {
        Subject known = subjects.get(subject);
        return known != null && known.arrivals.stream()
                .anyMatch(arrival -> !arrival.contactId().equals(contactId) && within(completedAt, arrival.at()));
    }

    /** Remembers a completion counted as resolved at first contact, so a later arrival can undo it. */
    void resolved(String subject, Resolved contact) {
        subjects.computeIfAbsent(subject, s -> new Subject()).resolved.add(contact);
    }

    /** Records an arrival and returns the resolved completions it turns into repeats (each returned once). */
    List<Resolved> arrived(String subject, String contactId, Instant at) {
        Subject known = subjects.computeIfAbsent(subject, s -> new Subject());
        known.arrivals.add(new Arrival(contactId, at));
        if (known.arrivals.size() > ARRIVALS_PER_SUBJECT) {
            known.arrivals.sort((a, b) -> b.at().compareTo(a.at()));
            known.arrivals.subList(ARRIVALS_PER_SUBJECT, known.arrivals.size()).clear();
        }
        List<Resolved> undone = new ArrayList<>();
        known.resolved.removeIf(contact -> {
            boolean repeat = !contact.contactId().equals(contactId) && within(contact.completedAt(), at);
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
        subjects.values().removeIf(subject -> {
            subject.arrivals.removeIf(arrival -> arrival.at().isBefore(horizon));
            subject.resolved.removeIf(contact -> contact.completedAt().isBefore(horizon));
            return subject.arrivals.isEmpty() && subject.resolved.isEmpty();
        });
    }

    int subjects() {
        return subjects.size();
    }

    private boolean within(Instant completedAt, Instant arrival) {
        return arrival.isAfter(completedAt) && !arrival.isAfter(completedAt.plus(window));
    }
}
