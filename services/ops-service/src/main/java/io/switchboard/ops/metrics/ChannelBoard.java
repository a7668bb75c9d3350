package io.switchboard.ops.metrics;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ChannelMetrics;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.ops.metrics.ContactRecord.Status;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The per-channel, per-office, per-intent and per-agent picture, built from every contact event this instance has
 * seen. Each step of a contact counts once (contact id for arrivals, event id for lifecycle steps), so redeliveries
 * and several producer instances give the same numbers; steps are placed by their own timestamps, so a replay of
 * the topics after a restart rebuilds the same windows.
 */
@ApplicationScoped
public class ChannelBoard {

    public static final Map<String, Duration> WINDOWS = windows();
    private static final Duration ACTIVE_AGENT = Duration.ofMinutes(15);
    /**
     * What providers, customers and the survey scheduler did, maybe hours later, with the item's agent named on the
     * step: not that agent working the channel now.
     */
    private static final Set<LifecycleEventType> NOT_THE_AGENTS_WORK = EnumSet.of(LifecycleEventType.REPLY_SENT,
            LifecycleEventType.REPLY_DELIVERED, LifecycleEventType.REPLY_READ, LifecycleEventType.REPLY_FAILED,
            LifecycleEventType.REPLY_UNCONFIRMED, LifecycleEventType.SURVEY_SENT, LifecycleEventType.SURVEY_ANSWERED,
            LifecycleEventType.OFFER_ACCEPTED);

    private final OpsSettings settings;
    private final Map<Channel, Tally> channels = new EnumMap<>(Channel.class);
    private final Map<Office, Tally> offices = new EnumMap<>(Office.class);
    private final Map<Intent, Tally> intents = new EnumMap<>(Intent.class);
    /** Grows with the agents seen; an agent's tally is small (Tally allocates its seconds as they are used). */
    private final Map<String, Tally> agents = new HashMap<>();
    private final Map<Channel, Double> costPerContactMinute = new EnumMap<>(Channel.class);
    private final String currency;
    private final Map<String, ContactRecord> contacts = new HashMap<>();
    private final Map<String, ContactRecord> open = new LinkedHashMap<>();
    /** The number of remembered contacts at which finished ones are next forgotten: see {@link #record}. */
    private int forgetAt;
    private final Map<Channel, Map<String, Instant>> agentsSeen = new EnumMap<>(Channel.class);
    private final RepeatContacts repeats;
    private final ReportedCounters reported = new ReportedCounters();

    public ChannelBoard(OpsSettings settings) {
        this.settings = settings;
        this.repeats = new RepeatContacts(settings.repeatContactWindow(), settings.maxRepeatSubjects());
        this.currency = settings.cost().currency();
        this.forgetAt = settings.maxContacts();
        for (Channel channel : Channel.values()) {
            channels.put(channel, new Tally());
            // Read at start, so a missing or wrong cost stops the service naming the key.
            costPerContactMinute.put(channel, settings.cost().perContactMinute(channel));
        }
        for (Office office : Office.values()) {
            offices.put(office, new Tally());
        }
        for (Intent intent : Intent.values()) {
            intents.put(intent, new Tally());
        }
    }

    public synchronized void received(ContactReceived contact, Instant now) {
        ContactRecord record = record(contact.contactId());
        record.channel = contact.channel();
        record.customerKey = contact.customer() == null ? null : contact.customer().key();
        countReceived(record, contact.receivedAt(), now);
    }

    /** Returns true the first time this contact is seen routed. */
    public synchronized boolean routed(ContactRouted routed, Instant now) {
        ContactRecord record = record(routed.contactId());
        record.channel = routed.channel();
        record.customerKey = routed.contact().customer() == null ? null : routed.contact().customer().key();
        record.intent = routed.intent();
        if (record.office == null) {
            record.office = routed.office();
        }
        countReceived(record, routed.contact().receivedAt(), now);
        if (record.routed) {
            return false;
        }
        record.routed = true;
        Instant at = routed.routedAt() == null ? now : routed.routedAt();
        count(queueScope(record), at, now, c -> c.routed++);
        trackRepeats(record, at, now);
        return true;
    }

    public synchronized void lifecycle(LifecycleEvent event, Instant now) {
        String eventId = event.eventId() != null ? event.eventId() : event.type() + "@" + event.occurredAt();
        ContactRecord known = contacts.get(event.contactId());
        if ((known == null || known.channel == null) && event.channel() == null) {
            throw new IllegalArgumentException("lifecycle event " + eventId + " of an unknown contact has no channel");
        }
        FeedbackStep feedback = FeedbackStep.of(event, currency);
        ContactRecord record = record(event.contactId());
        if (!record.eventIds.add(eventId)) {
            return;
        }
        if (record.channel == null) {
            record.channel = event.channel();
        }
        if (record.intent == null) {
            record.intent = event.intent();
        }
        Instant at = event.occurredAt() == null ? now : event.occurredAt();
        if (event.agentId() != null && !NOT_THE_AGENTS_WORK.contains(event.type())) {
            agentsSeen.computeIfAbsent(record.channel, c -> new HashMap<>()).merge(event.agentId(), at,
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        switch (event.type()) {
            case QUEUED, REQUEUED, ASSIGNED -> queued(record, event, at, now);
            case RELEASED -> released(record, event, at, now);
            case ACCEPTED -> accepted(record, event, at, now);
            case COMPLETED -> completed(record, event, at, now);
            case ESCALATED -> escalated(record, event, at, now);
            case ABANDONED -> abandoned(record, event, at, now);
            case MESSAGE_JOINED -> count(queueScope(record), at, now, c -> c.joined++);
            case REPLY_REQUESTED, REPLY_SENT, REPLY_DELIVERED, REPLY_READ, REPLY_FAILED, REPLY_UNCONFIRMED -> {
                // Putting a caller or visitor through to the agent is not an answer that reaches the customer, and a
                // survey's delivery is the scheduler's, not an agent's reply (its own figures: SURVEY_*).
                String kind = event.details().get("kind");
                if (!OutboundKind.CONNECT.name().equals(kind) && !OutboundKind.SURVEY.name().equals(kind)) {
                    count(record, at, now, c -> c.replied(event.type()));
                }
            }
            case SURVEY_SENT, SURVEY_ANSWERED, OFFER_SHOWN, OFFER_ACCEPTED ->
                    count(feedbackScope(record, event), at, now, feedback::countIn);
        }
        record.lastChange = at;
    }

    public synchronized void reported(ChannelMetrics metrics) {
        reported.add(metrics);
    }

    /**
     * The open contacts are counted in one pass for every channel and office: a backlog of tens of thousands was
     * scanned 24 times per snapshot, most of an idle ops-service's CPU (JFR at rest, docs/benchmarks.md).
     */
    public synchronized BoardSnapshot snapshot(Instant now) {
        Map<Channel, Backlog> byChannel = new EnumMap<>(Channel.class);
        Map<Office, Backlog> byOffice = new EnumMap<>(Office.class);
        for (ContactRecord record : open.values()) {
            if (record.channel != null) {
                byChannel.computeIfAbsent(record.channel, channel -> new Backlog()).add(record);
            }
            if (record.office != null) {
                byOffice.computeIfAbsent(record.office, office -> new Backlog()).add(record);
            }
        }
        return new BoardSnapshot(now,
                Arrays.stream(Channel.values()).map(channel -> channelView(channel,
                        byChannel.getOrDefault(channel, new Backlog()), now)).toList(),
                Arrays.stream(Office.values()).map(office -> officeView(office,
                        byOffice.getOrDefault(office, new Backlog()), now)).toList(),
                Arrays.stream(Intent.values())
                        .map(intent -> new IntentView(intent, tally(intent).total(), windows(tally(intent), now)))
                        .toList());
    }

    /** Every agent seen on a step, by id: asked for on demand (the API), never part of the snapshot or the meters. */
    public synchronized List<AgentView> agents(Instant now) {
        return agents.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(agent -> new AgentView(agent.getKey(), agent.getValue().total(), windows(agent.getValue(), now)))
                .toList();
    }

    /** Drops finished contacts past their retention; they can no longer change a count. */
    public synchronized void forgetFinished(Instant now) {
        Instant horizon = now.minus(settings.finishedContactRetention());
        contacts.values().removeIf(record -> !record.open() && record.lastChange != null
                && record.lastChange.isBefore(horizon));
        repeats.forgetBefore(now);
        reported.forgetBefore(horizon);
        for (Map<?, Tally> scopes : List.of(channels, offices, intents, agents)) {
            scopes.values().forEach(tally -> tally.forgetExpired(now));
        }
    }

    private void queued(ContactRecord record, LifecycleEvent event, Instant at, Instant now) {
        if (record.status == Status.DONE) {
            return;
        }
        offer(record, event, at, now);
        record.status = Status.WAITING;
        record.agentId = null;
        open.put(record.contactId, record);
    }

    private void released(ContactRecord record, LifecycleEvent event, Instant at, Instant now) {
        queued(record, event, at, now);
        if (record.answered) {
            // A customer already answered waits again from now, not from their first queueing.
            record.waitingSince = at;
        }
    }

    private void accepted(ContactRecord record, LifecycleEvent event, Instant at, Instant now) {
        if (record.status == Status.DONE) {
            return;
        }
        offer(record, event, at, now);
        record.status = Status.IN_PROGRESS;
        record.acceptedAt = at;
        record.agentId = event.agentId();
        open.put(record.contactId, record);
        if (!record.answered) {
            record.answered = true;
            long wait = Math.max(0, Duration.between(record.queuedAt, at).toMillis());
            boolean inTarget = wait <= target(record).toMillis();
            count(record, at, now, c -> {
                c.answered++;
                c.waitMillis += wait;
                if (inTarget) {
                    c.answeredInTarget++;
                }
            });
            // A wait is the queue's, not the agent's: agents' tallies keep no waits.
            tally(record.channel).recordWait(at, now, wait);
            if (record.office != null) {
                tally(record.office).recordWait(at, now, wait);
            }
            if (record.intent != null) {
                tally(record.intent).recordWait(at, now, wait);
            }
        }
    }

    private void completed(ContactRecord record, LifecycleEvent event, Instant at, Instant now) {
        if (record.completed) {
            return;
        }
        record.completed = true;
        record.completedAt = at;
        long handling = record.status == Status.IN_PROGRESS && record.acceptedAt != null
                ? Math.max(0, Duration.between(record.acceptedAt, at).toMillis()) : 0;
        double cost = handling / 60_000.0 * costPerContactMinute.get(record.channel);
        if (event.agentId() != null) {
            record.agentId = event.agentId();
        }
        boolean agentResolved = Boolean.parseBoolean(event.details().get("firstContactResolution"));
        record.status = Status.DONE;
        open.remove(record.contactId);
        count(record, at, now, c -> {
            c.completed++;
            c.handlingMillis += handling;
            c.cost += cost;
            if (agentResolved) {
                c.agentReportedResolved++;
            }
        });
        trackRepeats(record, null, now);
    }

    private void escalated(ContactRecord record, LifecycleEvent event, Instant at, Instant now) {
        if (record.status == Status.DONE) {
            return;
        }
        if (event.agentId() != null) {
            record.agentId = event.agentId();
        }
        record.escalated = true;
        count(record, at, now, c -> c.escalated++);
        record.agentId = null;
        String toOffice = event.details().get("toOffice");
        if (toOffice != null) {
            record.office = Office.valueOf(toOffice);
        }
        record.status = Status.WAITING;
        record.waitingSince = at;
        open.put(record.contactId, record);
    }

    private void abandoned(ContactRecord record, LifecycleEvent event, Instant at, Instant now) {
        if (record.status == Status.DONE || record.status == Status.IN_PROGRESS) {
            return;
        }
        offer(record, event, at, now);
        record.status = Status.DONE;
        open.remove(record.contactId);
        long waited = Math.max(0, Duration.between(record.waitingSince, at).toMillis());
        boolean isShort = waited < settings.shortAbandon().toMillis();
        boolean afterTarget = !record.answered && !isShort && waited > target(record).toMillis();
        count(queueScope(record), at, now, c -> {
            c.abandoned++;
            if (isShort) {
                c.shortAbandons++;
            }
            if (afterTarget) {
                c.abandonedAfterTarget++;
            }
        });
    }

    /** The first time a contact reaches a queue it is offered; later queueings (requeue, escalation) are not. */
    private void offer(ContactRecord record, LifecycleEvent event, Instant at, Instant now) {
        if (event.office() != null) {
            record.office = event.office();
        }
        if (record.offered) {
            return;
        }
        record.offered = true;
        record.queuedAt = event.queuedAt() != null ? event.queuedAt() : at;
        record.waitingSince = record.queuedAt;
        count(queueScope(record), record.queuedAt, now, c -> c.offered++);
    }

    private void countReceived(ContactRecord record, Instant receivedAt, Instant now) {
        if (!record.received) {
            record.received = true;
            record.lastChange = receivedAt;
            count(queueScope(record), receivedAt == null ? now : receivedAt, now, c -> c.received++);
        }
    }

    /** Keeps first-contact resolution honest: a repeat contact about the same subject undoes an earlier one. */
    private void trackRepeats(ContactRecord record, Instant arrivedAt, Instant now) {
        if (record.customerKey == null || record.intent == null) {
            return;
        }
        String subject = record.customerKey + "|" + record.intent;
        if (arrivedAt != null) {
            for (RepeatContacts.Resolved earlier : repeats.arrived(subject, record.contactId, arrivedAt)) {
                count(earlier.scope(), earlier.completedAt(), now, c -> c.firstContactResolved--);
            }
        }
        if (record.completed && !record.repeatTracked) {
            record.repeatTracked = true;
            if (!record.escalated && !repeats.repeatedAfter(subject, record.contactId, record.completedAt)) {
                count(record, record.completedAt, now, c -> c.firstContactResolved++);
                repeats.resolved(subject, new RepeatContacts.Resolved(record.contactId, scope(record),
                        record.completedAt));
            }
        }
    }

    private void count(ContactRecord record, Instant at, Instant now, Consumer<Counts> change) {
        count(scope(record), at, now, change);
    }

    private void count(Scope scope, Instant at, Instant now, Consumer<Counts> change) {
        tally(scope.channel()).record(at, now, change);
        if (scope.office() != null) {
            tally(scope.office()).record(at, now, change);
        }
        if (scope.intent() != null) {
            tally(scope.intent()).record(at, now, change);
        }
        if (scope.agentId() != null) {
            agents.computeIfAbsent(scope.agentId(), agent -> new Tally()).record(at, now, change);
        }
    }

    private static Scope scope(ContactRecord record) {
        return new Scope(record.channel, record.office, record.intent, record.agentId);
    }

    /** Arrivals, queueing, joined messages and abandons are the queue's: no agent's, whatever the replay order. */
    private static Scope queueScope(ContactRecord record) {
        return new Scope(record.channel, record.office, record.intent, null);
    }

    /**
     * A survey or offer counts for the item it is about, as the work-service names it on the step (its agent,
     * office and intent when it was handled); what the step leaves out comes from the contact as this board knows
     * it. A survey answered days later may find the contact forgotten here, so the step's own fields come first.
     */
    private static Scope feedbackScope(ContactRecord record, LifecycleEvent event) {
        return new Scope(event.channel() != null ? event.channel() : record.channel,
                event.office() != null ? event.office() : record.office,
                event.intent() != null ? event.intent() : record.intent,
                event.agentId() != null ? event.agentId() : record.agentId);
    }

    private ChannelView channelView(Channel channel, Backlog backlog, Instant now) {
        Tally tally = tally(channel);
        OpsSettings.ChannelPolicy policy = settings.policy(channel);
        int activeAgents = (int) agentsSeen.getOrDefault(channel, Map.of()).values().stream()
                .filter(seen -> seen.isAfter(now.minus(ACTIVE_AGENT))).count();
        return new ChannelView(channel, backlog.waiting, backlog.inProgress, backlog.oldestWait(now),
                policy.serviceLevelTarget().toMillis() / 1000.0, policy.serviceLevelGoal(), activeAgents,
                reported.level(channel, ReportedCounters.AGENTS_AVAILABLE, now),
                reported.level(channel, ReportedCounters.ITEMS_STRANDED, now),
                tally.total(), windows(tally, now),
                Arrays.stream(tally.receivedPerMinute(now)).boxed().toList(), reported.sums(channel));
    }

    private OfficeView officeView(Office office, Backlog backlog, Instant now) {
        Tally tally = tally(office);
        return new OfficeView(office, backlog.waiting, backlog.inProgress, backlog.oldestWait(now), tally.total(),
                windows(tally, now));
    }

    /** The open contacts of one channel or office: how many wait, how many are worked on, since when the oldest waits. */
    private static final class Backlog {
        private long waiting;
        private long inProgress;
        private Instant oldestWaitingSince;

        void add(ContactRecord record) {
            if (record.status == Status.WAITING) {
                waiting++;
                if (oldestWaitingSince == null || record.waitingSince.isBefore(oldestWaitingSince)) {
                    oldestWaitingSince = record.waitingSince;
                }
            } else if (record.status == Status.IN_PROGRESS) {
                inProgress++;
            }
        }

        /** Seconds the oldest waiting contact has waited, or null when none waits. */
        Double oldestWait(Instant now) {
            return oldestWaitingSince == null ? null
                    : Math.max(0, Duration.between(oldestWaitingSince, now).toMillis()) / 1000.0;
        }
    }

    private static Map<String, Figures> windows(Tally tally, Instant now) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        WINDOWS.forEach((name, length) -> figures.put(name, tally.window(length, now)));
        return figures;
    }

    private ContactRecord record(String contactId) {
        if (contactId == null) {
            throw new IllegalArgumentException("event without contact id");
        }
        ContactRecord record = contacts.get(contactId);
        if (record == null) {
            if (contacts.size() >= forgetAt) {
                forgetOldestFinished();
                // When open contacts alone fill the cap, the next look is a tenth of the cap later, not at the next
                // contact: each look scans every remembered contact, and one per event left the service minutes
                // behind with a backlog of 200,000 (docs/benchmarks.md).
                forgetAt = Math.max(settings.maxContacts(), contacts.size() + forgetBatch());
            }
            record = new ContactRecord(contactId);
            contacts.put(contactId, record);
        }
        return record;
    }

    /**
     * At the cap, the tenth of the remembered contacts that finished longest ago is forgotten at once (so this runs
     * once per that many new contacts): only a redelivery of their steps, days late, could still change a count.
     * Open contacts are the queues themselves and are never forgotten.
     */
    private void forgetOldestFinished() {
        contacts.values().stream().filter(record -> !record.open())
                .sorted(Comparator.comparing(record -> record.lastChange,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .limit(forgetBatch()).map(record -> record.contactId).toList()
                .forEach(contacts::remove);
    }

    private int forgetBatch() {
        return Math.max(1, settings.maxContacts() / 10);
    }

    /** How many contacts are remembered now (open ones, and finished ones for de-duplication). */
    public synchronized int rememberedContacts() {
        return contacts.size();
    }

    private Duration target(ContactRecord record) {
        return settings.policy(record.channel).serviceLevelTarget();
    }

    private Tally tally(Channel channel) {
        return channels.get(channel);
    }

    private Tally tally(Office office) {
        return offices.get(office);
    }

    private Tally tally(Intent intent) {
        return intents.get(intent);
    }

    private static Map<String, Duration> windows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("1m", Duration.ofMinutes(1));
        windows.put("5m", Duration.ofMinutes(5));
        windows.put("15m", Duration.ofMinutes(15));
        return Collections.unmodifiableMap(windows);
    }
}
