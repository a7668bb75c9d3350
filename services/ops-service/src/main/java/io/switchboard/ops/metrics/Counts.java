package io.switchboard.ops.metrics;

/**
 * What happened to the contacts of one scope (a channel or an office) in one second, or in total. Plain mutable
 * counters: {@link ChannelBoard} guards every access.
 */
final class Counts {

    long received;
    long routed;
    long joined;
    long offered;
    long answered;
    long answeredInTarget;
    long abandoned;
    long shortAbandons;
    long abandonedAfterTarget;
    long completed;
    long escalated;
    long firstContactResolved;
    long agentReportedResolved;
    long waitMillis;
    long handlingMillis;
    double cost;

    void clear() {
        add(this, -1);
    }

    void add(Counts other) {
        add(other, 1);
    }

    private void add(Counts other, int sign) {
        // clear() is add(this, -1): read every field before writing it.
        received += sign * other.received;
        routed += sign * other.routed;
        joined += sign * other.joined;
        offered += sign * other.offered;
        answered += sign * other.answered;
        answeredInTarget += sign * other.answeredInTarget;
        abandoned += sign * other.abandoned;
        shortAbandons += sign * other.shortAbandons;
        abandonedAfterTarget += sign * other.abandonedAfterTarget;
        completed += sign * other.completed;
        escalated += sign * other.escalated;
        firstContactResolved += sign * other.firstContactResolved;
        agentReportedResolved += sign * other.agentReportedResolved;
        waitMillis += sign * other.waitMillis;
        handlingMillis += sign * other.handlingMillis;
        cost += sign * other.cost;
    }
}
