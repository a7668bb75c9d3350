package io.switchboard.ops.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus meters of the board, one series per channel ({@code channel} tag), per office ({@code office} tag) and,
 * for handling, feedback and revenue, per intent ({@code intent} tag); the measures per window carry a
 * {@code window} tag ({@code 1m}, {@code 5m}, {@code 15m}, {@code total}). Undefined ratios (nothing answered yet)
 * are NaN. Per agent only in the API: an agent label would grow a series set per person (cardinality).
 * docs/metrics.md defines every one.
 */
@Startup
@ApplicationScoped
public class ChannelMeters {

    private static final String WINDOW_TOTAL = "total";
    private static final String COST_PER_CONTACT = "AHT x cost per handling minute / concurrency";

    private final MeterRegistry registry;
    private final LatestSnapshot latest;

    public ChannelMeters(MeterRegistry registry, LatestSnapshot latest) {
        this.registry = registry;
        this.latest = latest;
        for (Channel channel : Channel.values()) {
            register(channel);
        }
        for (Office office : Office.values()) {
            register(office);
        }
        for (Intent intent : Intent.values()) {
            register(intent);
        }
    }

    private void register(Channel channel) {
        String tag = channel.name();
        Function<BoardSnapshot, ChannelView> view = snapshot -> snapshot.channel(channel);
        counter("switchboard.ops.contacts.received", "Contacts received (distinct contact ids)", "channel", tag,
                view, v -> v.totals().received());
        counter("switchboard.ops.contacts.routed", "Contacts routed", "channel", tag, view, v -> v.totals().routed());
        counter("switchboard.ops.contacts.joined", "Follow-up messages that joined an open contact", "channel", tag,
                view, v -> v.totals().joined());
        counter("switchboard.ops.contacts.offered", "Contacts that reached a queue", "channel", tag, view,
                v -> v.totals().offered());
        counter("switchboard.ops.contacts.answered", "Contacts accepted by an agent", "channel", tag, view,
                v -> v.totals().answered());
        counter("switchboard.ops.contacts.completed", "Contacts completed", "channel", tag, view,
                v -> v.totals().completed());
        counter("switchboard.ops.contacts.abandoned", "Customers who left before being answered", "channel", tag,
                view, v -> v.totals().abandoned());
        counter("switchboard.ops.contacts.abandoned.short", "Abandons within 5 s, left out of the service level",
                "channel", tag, view, v -> v.totals().shortAbandons());
        counter("switchboard.ops.contacts.escalated", "Escalations to another office", "channel", tag, view,
                v -> v.totals().escalated());
        gauge("switchboard.ops.contacts.waiting", "Contacts queued or reserved, not yet accepted", null, "channel",
                tag, view, v -> v.waiting());
        gauge("switchboard.ops.contacts.in.progress", "Contacts accepted, not yet completed", null, "channel", tag,
                view, v -> v.inProgress());
        gauge("switchboard.ops.wait.oldest", "Wait so far of the longest-waiting contact", "seconds", "channel", tag,
                view, v -> orZero(v.oldestWaitSeconds()));
        gauge("switchboard.ops.agents.active", "Agents seen working the channel in the last 15 minutes", null,
                "channel", tag, view, v -> v.activeAgents());
        registerWindows("channel", tag, view, ChannelView::totals, ChannelView::windows);
        registerReplies(tag, view);
        registerFeedback("switchboard.ops.", "channel", tag, view, ChannelView::totals, ChannelView::windows);
    }

    /** Outbound messages per channel and state; the failure rate per window like the other measures. */
    private void registerReplies(String tag, Function<BoardSnapshot, ChannelView> view) {
        Map<String, ToDoubleFunction<ReplyFigures>> states = Map.of("requested", ReplyFigures::requested,
                "sent", ReplyFigures::sent, "delivered", ReplyFigures::delivered, "read", ReplyFigures::read,
                "failed", ReplyFigures::failed, "unconfirmed", ReplyFigures::unconfirmed);
        states.forEach((state, count) -> FunctionCounter.builder("switchboard.ops.replies", latest,
                        l -> count.applyAsDouble(view.apply(l.get()).totals().replies()))
                .description("Agents' replies that reached this state")
                .tag("channel", tag).tag("state", state).register(registry));
        for (String window : windowNames()) {
            windowGauge("switchboard.ops.reply.failure.rate", "Failed / (sent + failed) replies", "ratio", "channel",
                    tag, window, figures(window, view, ChannelView::totals, ChannelView::windows),
                    f -> f.replies().failureRate());
        }
    }

    private void register(Office office) {
        String tag = office.name();
        Function<BoardSnapshot, OfficeView> view = snapshot -> snapshot.offices().stream()
                .filter(o -> o.office() == office).findFirst().orElseThrow();
        counter("switchboard.ops.office.contacts.completed", "Contacts completed in the office", "office", tag, view,
                v -> v.totals().completed());
        counter("switchboard.ops.office.contacts.escalated", "Escalations out of the office", "office", tag, view,
                v -> v.totals().escalated());
        gauge("switchboard.ops.office.contacts.waiting", "Contacts waiting for the office", null, "office", tag, view,
                v -> v.waiting());
        gauge("switchboard.ops.office.contacts.in.progress", "Contacts in progress in the office", null, "office",
                tag, view, v -> v.inProgress());
        gauge("switchboard.ops.office.wait.oldest", "Wait so far of the office's longest-waiting contact", "seconds",
                "office", tag, view, v -> orZero(v.oldestWaitSeconds()));
        registerWindows("office", tag, view, OfficeView::totals, OfficeView::windows);
        registerFeedback("switchboard.ops.office.", "office", tag, view, OfficeView::totals, OfficeView::windows);
    }

    /** Per intent, across channels: completions, handling and resolution next to the customers' scores and revenue. */
    private void register(Intent intent) {
        String tag = intent.name();
        String prefix = "switchboard.ops.intent.";
        Function<BoardSnapshot, IntentView> view = snapshot -> snapshot.intents().stream()
                .filter(i -> i.intent() == intent).findFirst().orElseThrow();
        counter(prefix + "contacts.completed", "Contacts of the intent completed", "intent", tag, view,
                v -> v.totals().completed());
        for (String window : windowNames()) {
            Function<BoardSnapshot, Figures> figures = figures(window, view, IntentView::totals, IntentView::windows);
            windowGauge(prefix + "handling.average", "AHT: mean accepted-to-completed time", "seconds", "intent", tag,
                    window, figures, Figures::averageHandlingSeconds);
            windowGauge(prefix + "first.contact.resolution", "Completed without escalation or repeat / completed",
                    "ratio", "intent", tag, window, figures, Figures::firstContactResolution);
            windowGauge(prefix + "cost.per.contact", COST_PER_CONTACT, null, "intent", tag, window, figures,
                    Figures::costPerContact);
        }
        registerFeedback(prefix, "intent", tag, view, IntentView::totals, IntentView::windows);
    }

    /** Surveys, scores, offers and revenue of one scope; NPS, CSAT, response rate, take-up and revenue per window. */
    private <V> void registerFeedback(String prefix, String scope, String tag, Function<BoardSnapshot, V> view,
            Function<V, Figures> totals, Function<V, Map<String, Figures>> windows) {
        Function<BoardSnapshot, Figures> total = figures(WINDOW_TOTAL, view, totals, windows);
        counter(prefix + "surveys.sent", "Surveys put to customers", scope, tag, total, f -> f.surveys().sent());
        Map<String, ToDoubleFunction<SurveyFigures>> categories = Map.of("promoter", SurveyFigures::promoters,
                "passive", SurveyFigures::passives, "detractor", SurveyFigures::detractors);
        categories.forEach((category, count) -> FunctionCounter.builder(prefix + "survey.answers", latest,
                        l -> count.applyAsDouble(total.apply(l.get()).surveys()))
                .description("Scored survey answers: promoter 9-10, passive 7-8, detractor 0-6")
                .tag(scope, tag).tag("category", category).register(registry));
        counter(prefix + "survey.complaints", "Detractors' comments that opened a follow-up item", scope, tag, total,
                f -> f.surveys().complaints());
        counter(prefix + "offers.shown", "Next-best offers shown to the agent", scope, tag, total,
                f -> f.offers().shown());
        counter(prefix + "offers.accepted", "Next-best offers the customer took", scope, tag, total,
                f -> f.offers().accepted());
        counter(prefix + "revenue", "Value of the accepted offers, in switchboard.ops.cost.currency", scope, tag,
                total, f -> f.offers().revenue());
        for (String window : windowNames()) {
            Function<BoardSnapshot, Figures> figures = figures(window, view, totals, windows);
            windowGauge(prefix + "nps", "Net promoter score in points: % promoters - % detractors", null, scope, tag,
                    window, figures, f -> f.surveys().nps());
            windowGauge(prefix + "csat", "Answers scoring 8-10 / answers", "ratio", scope, tag, window, figures,
                    f -> f.surveys().csat());
            windowGauge(prefix + "survey.response.rate", "Survey answers / surveys sent", "ratio", scope, tag, window,
                    figures, f -> f.surveys().responseRate());
            windowGauge(prefix + "offer.take.up", "Offers accepted / offers shown", "ratio", scope, tag, window,
                    figures, f -> f.offers().takeUp());
            windowGauge(prefix + "revenue.per.contact", "Revenue of accepted offers / completed contacts", null,
                    scope, tag, window, figures, f -> f.offers().revenuePerContact());
        }
    }

    private <V> void registerWindows(String scope, String tag, Function<BoardSnapshot, V> view,
            Function<V, Figures> totals, Function<V, Map<String, Figures>> windows) {
        String prefix = scope.equals("office") ? "switchboard.ops.office." : "switchboard.ops.";
        for (String window : windowNames()) {
            Function<BoardSnapshot, Figures> figures = figures(window, view, totals, windows);
            windowGauge(prefix + "wait.average", "ASA: mean wait of answered contacts", "seconds", scope, tag, window,
                    figures, Figures::averageWaitSeconds);
            windowGauge(prefix + "wait.p90", "90th percentile wait of answered contacts", "seconds", scope, tag,
                    window, figures, Figures::p90WaitSeconds);
            windowGauge(prefix + "service.level", "Answered within target / (answered + abandoned after target)",
                    "ratio", scope, tag, window, figures, Figures::serviceLevel);
            windowGauge(prefix + "handling.average", "AHT: mean accepted-to-completed time", "seconds", scope, tag,
                    window, figures, Figures::averageHandlingSeconds);
            windowGauge(prefix + "first.contact.resolution", "Completed without escalation or repeat / completed",
                    "ratio", scope, tag, window, figures, Figures::firstContactResolution);
            windowGauge(prefix + "escalation.rate", "Escalated / (completed + escalated)", "ratio", scope, tag, window,
                    figures, Figures::escalationRate);
            windowGauge(prefix + "cost.per.contact", COST_PER_CONTACT, null, scope, tag, window, figures,
                    Figures::costPerContact);
        }
    }

    /** The figures of one window ({@code total}: since the start) of a channel's or office's view. */
    private static <V> Function<BoardSnapshot, Figures> figures(String window, Function<BoardSnapshot, V> view,
            Function<V, Figures> totals, Function<V, Map<String, Figures>> windows) {
        return snapshot -> window.equals(WINDOW_TOTAL)
                ? totals.apply(view.apply(snapshot)) : windows.apply(view.apply(snapshot)).get(window);
    }

    private static List<String> windowNames() {
        List<String> names = new ArrayList<>(ChannelBoard.WINDOWS.keySet());
        names.add(WINDOW_TOTAL);
        return names;
    }

    private <V> void counter(String name, String description, String scope, String tag,
            Function<BoardSnapshot, V> view, ToDoubleFunction<V> value) {
        FunctionCounter.builder(name, latest, l -> value.applyAsDouble(view.apply(l.get())))
                .description(description).tag(scope, tag).register(registry);
    }

    private <V> void gauge(String name, String description, String unit, String scope, String tag,
            Function<BoardSnapshot, V> view, ToDoubleFunction<V> value) {
        Gauge.builder(name, latest, l -> value.applyAsDouble(view.apply(l.get())))
                .description(description).baseUnit(unit).tag(scope, tag).register(registry);
    }

    private void windowGauge(String name, String description, String unit, String scope, String tag, String window,
            Function<BoardSnapshot, Figures> figures, Function<Figures, Double> value) {
        Gauge.builder(name, latest, l -> orNaN(value.apply(figures.apply(l.get()))))
                .description(description).baseUnit(unit).tag(scope, tag).tag("window", window).register(registry);
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
