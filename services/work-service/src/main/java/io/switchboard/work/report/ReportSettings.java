package io.switchboard.work.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.switchboard.contracts.Channel;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * How reports cut and measure (docs/configuration.md). The measures' settings repeat the ops-service's
 * ({@code switchboard.ops.*}) with the same defaults: keep them in step, or a report and the live board disagree.
 */
@ConfigMapping(prefix = "switchboard.reports")
public interface ReportSettings {

    /** The zone intervals are aligned in: local quarter hours, hours, days and ISO weeks. */
    @WithDefault("Europe/Amsterdam")
    ZoneId zone();

    /** Abandons within this long of queueing are counted but left out of the service level. */
    @WithDefault("5s")
    Duration shortAbandon();

    /** A contact by the same customer about the same intent within this long after completion undoes its FCR. */
    @WithDefault("P7D")
    Duration repeatContactWindow();

    /** Revenue's currency, as {@code switchboard.ops.cost.currency}: offers accepted in another are not summed. */
    @WithDefault("EUR")
    String currency();

    /** At most this many intervals in one report. */
    @WithDefault("5000")
    int maxIntervals();

    /** The channels' service-level targets (answered within). */
    Targets serviceLevelTarget();

    /** Complaint topics by keyword, as {@code switchboard.ops.alerts.complaint-topics}: topic → keywords. */
    Map<String, List<String>> complaintTopics();

    interface Targets {
        @WithDefault("20s")
        Duration phone();

        @WithDefault("5m")
        Duration whatsapp();

        @WithDefault("1h")
        Duration social();

        @WithDefault("4h")
        Duration webshop();

        @WithDefault("5m")
        Duration store();

        default Duration of(Channel channel) {
            return switch (channel) {
                case PHONE -> phone();
                case WHATSAPP -> whatsapp();
                case SOCIAL -> social();
                case WEBSHOP -> webshop();
                case STORE -> store();
            };
        }
    }
}
