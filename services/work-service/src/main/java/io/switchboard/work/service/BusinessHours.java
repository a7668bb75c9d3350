package io.switchboard.work.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * When a channel is open, in local time of one zone: opening hours per weekday, written as
 * {@code "MON-FRI 08:00-18:00, SAT 09:00-13:00"} ({@code 24:00} closes at midnight), and whole days closed
 * (holidays). Local times follow the zone's clock, so opening hours stay 08:00 across a daylight-saving change.
 */
public final class BusinessHours {

    /** How far ahead the next opening or closing is looked for. */
    private static final int HORIZON_DAYS = 366;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Span>> week;
    private final Set<LocalDate> holidays;

    private BusinessHours(ZoneId zone, Map<DayOfWeek, List<Span>> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = week;
        this.holidays = Set.copyOf(holidays);
    }

    /** Parses the opening hours; an invalid text is refused with what is wrong. */
    public static BusinessHours parse(String hours, ZoneId zone, Set<LocalDate> holidays) {
        Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
        for (String part : hours.split(",")) {
            String[] dayAndTime = part.trim().split("\\s+");
            if (dayAndTime.length != 2) {
                throw new IllegalArgumentException("opening hours '" + part.trim()
                        + "' are not like 'MON-FRI 08:00-18:00'");
            }
            Span span = Span.parse(dayAndTime[1]);
            for (DayOfWeek day : days(dayAndTime[0])) {
                week.computeIfAbsent(day, ignored -> new ArrayList<>()).add(span);
            }
        }
        return new BusinessHours(zone, week, holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return spansOn(local.toLocalDate()).stream().anyMatch(span -> span.contains(time));
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    /** The opening hours of a date in local time; none on a holiday. */
    public List<Span> spansOn(LocalDate date) {
        return holidays.contains(date) ? List.of() : week.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** The next moment after {@code at} at which the channel opens or closes, or null if it never does. */
    public Instant nextChange(Instant at) {
        boolean open = isOpen(at);
        LocalDate date = at.atZone(zone).toLocalDate();
        for (int day = 0; day <= HORIZON_DAYS; day++) {
            LocalDate current = date.plusDays(day);
            List<Instant> edges = new ArrayList<>();
            for (Span span : spansOn(current)) {
                edges.add(span.from().atDate(current).atZone(zone).toInstant());
                edges.add(span.untilMidnight() ? current.plusDays(1).atStartOfDay(zone).toInstant()
                        : span.until().atDate(current).atZone(zone).toInstant());
            }
            edges.add(current.plusDays(1).atStartOfDay(zone).toInstant());
            for (Instant edge : edges.stream().sorted().toList()) {
                if (edge.isAfter(at) && isOpen(edge) != open) {
                    return edge;
                }
            }
        }
        return null;
    }

    private static List<DayOfWeek> days(String text) {
        String[] range = text.toUpperCase(Locale.ROOT).split("-");
        DayOfWeek first = day(range[0]);
        DayOfWeek last = range.length > 1 ? day(range[1]) : first;
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek day = first; ; day = day.plus(1)) {
            days.add(day);
            if (day == last) {
                return days;
            }
        }
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation) && abbreviation.length() == 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("'" + abbreviation + "' is no day (MON, TUE, WED, THU, FRI, SAT, SUN)");
    }

    /** Open from {@code from} until {@code until} local time; {@code untilMidnight} for 24:00. */
    public record Span(LocalTime from, LocalTime until, boolean untilMidnight) {

        static Span parse(String text) {
            String[] times = text.split("-");
            if (times.length != 2) {
                throw new IllegalArgumentException("'" + text + "' is not like 08:00-18:00");
            }
            LocalTime from = LocalTime.parse(times[0]);
            if (times[1].equals("24:00")) {
                return new Span(from, LocalTime.MAX, true);
            }
            LocalTime until = LocalTime.parse(times[1]);
            if (!until.isAfter(from)) {
                throw new IllegalArgumentException("'" + text + "' closes before it opens");
            }
            return new Span(from, until, false);
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(from) && (untilMidnight || time.isBefore(until));
        }

        @Override
        public String toString() {
            return from + "-" + (untilMidnight ? "24:00" : until.toString());
        }
    }
}
