package io.switchboard.ops.corrections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where routing is wrong, from the agents' corrections ({@code contacts.corrections}): per ISO week (UTC) of the
 * correction, the class and intent the routing engine gave against the ones the contact needed, by source. The topic
 * is compacted and keyed by contact id, so the board counts each contact's latest correction: a later correction of
 * the same contact (an agent's, then the escalation's) replaces the earlier one, a tombstone removes it, and a replay
 * of the compacted topic gives the same weeks. The Prometheus counter counts every new correction as it arrives.
 */
@ApplicationScoped
public class RoutingCorrections {

    static final int WEEKS_SHOWN = 8;
    /** Bounded like everything this service keeps; far more contacts than agents correct in the weeks shown. */
    private static final int CONTACTS_REMEMBERED = 100_000;

    private final MeterRegistry registry;
    private final Map<String, ClassificationCorrection> latest = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClassificationCorrection> eldest) {
            return size() > CONTACTS_REMEMBERED;
        }
    };

    public RoutingCorrections(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Keeps the contact's correction unless it already has this one (a redelivery) or a newer one. */
    public synchronized void record(ClassificationCorrection correction) {
        ClassificationCorrection previous = latest.get(correction.contactId());
        if (previous != null && !correction.correctedAt().isAfter(previous.correctedAt())) {
            return;
        }
        latest.put(correction.contactId(), correction);
        Counter.builder("switchboard.ops.corrections")
                .description("Agents' corrections of routing decisions (contacts.corrections), as they arrive")
                .tag("routed_rst", correction.routedRst().name()).tag("rst", correction.rst().name())
                .tag("source", correction.source().name()).register(registry).increment();
    }

    /** A tombstone on the compacted topic: the contact's correction was withdrawn. */
    public synchronized void forget(String contactId) {
        latest.remove(contactId);
    }

    /** The latest {@link #WEEKS_SHOWN} weeks with corrections, newest first, the most frequent correction first. */
    public synchronized Summary summary() {
        Map<LocalDate, Map<Correction, Long>> byWeek = latest.values().stream().collect(Collectors.groupingBy(
                RoutingCorrections::weekStart, () -> new TreeMap<>(Comparator.reverseOrder()),
                Collectors.groupingBy(Correction::of, Collectors.counting())));
        List<Week> weeks = byWeek.entrySet().stream().limit(WEEKS_SHOWN).map(week -> {
            List<CorrectionCount> counts = week.getValue().entrySet().stream()
                    .map(entry -> entry.getKey().counted(entry.getValue()))
                    .sorted(Comparator.comparingLong(CorrectionCount::count).reversed()
                            .thenComparing(CorrectionCount::routedRst).thenComparing(CorrectionCount::rst)
                            .thenComparing(CorrectionCount::routedIntent).thenComparing(CorrectionCount::intent)
                            .thenComparing(CorrectionCount::source))
                    .toList();
            long total = counts.stream().mapToLong(CorrectionCount::count).sum();
            return new Week(isoWeek(week.getKey()), week.getKey(), total, counts);
        }).toList();
        return new Summary(weeks);
    }

    private static LocalDate weekStart(ClassificationCorrection correction) {
        return LocalDate.ofInstant(correction.correctedAt(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String isoWeek(LocalDate monday) {
        return "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** One kind of correction: what the routing engine decided, what it should have been, and who said so. */
    private record Correction(Rst routedRst, Rst rst, Intent routedIntent, Intent intent,
            ClassificationCorrection.Source source) {

        static Correction of(ClassificationCorrection correction) {
            return new Correction(correction.routedRst(), correction.rst(), correction.routedIntent(),
                    correction.intent(), correction.source());
        }

        CorrectionCount counted(long count) {
            return new CorrectionCount(routedRst, rst, routedIntent, intent, source, count);
        }
    }

    /** How many contacts of the week were corrected this way. */
    public record CorrectionCount(Rst routedRst, Rst rst, Intent routedIntent, Intent intent,
            ClassificationCorrection.Source source, long count) {
    }

    /** One ISO week (UTC): its name (2026-W48), its Monday, the contacts corrected and how. */
    public record Week(String week, LocalDate starts, long total, List<CorrectionCount> corrections) {
    }

    public record Summary(List<Week> weeks) {
    }
}
