package io.switchboard.ops.metrics;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What the ops-service knows of one contact, enough to count every step once however often it is delivered and
 * in whatever order the topics are replayed.
 */
final class ContactRecord {

    enum Status { NEW, WAITING, IN_PROGRESS, DONE }

    final String contactId;
    Channel channel;
    Office office;
    String customerKey;
    Intent intent;
    /** The agent holding or last holding the contact: the one its handling, completion and escalation count for. */
    String agentId;
    Status status = Status.NEW;
    boolean received;
    boolean routed;
    boolean offered;
    boolean answered;
    boolean escalated;
    boolean completed;
    boolean repeatTracked;
    Instant queuedAt;
    /** Since when the customer waits now: the first queueing, or the escalation that put them back in a queue. */
    Instant waitingSince;
    Instant acceptedAt;
    Instant completedAt;
    Instant lastChange;
    final Set<String> eventIds = new HashSet<>(8);

    ContactRecord(String contactId) {
        this.contactId = contactId;
    }

    boolean open() {
        return status == Status.WAITING || status == Status.IN_PROGRESS;
    }
}
