package io.switchboard.ops.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.switchboard.contracts.Channel;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ops-service's configuration: per channel its service-level target, cost and limits (these differ per
 * organisation, so they are configuration, never code), and the definitions shared by all channels.
 */
@ConfigMapping(prefix = "switchboard.ops")
public interface OpsSettings {

    /** Per channel, keyed by the lower-case channel name ({@code phone}, {@code whatsapp}, ...). */
    Map<String, ChannelPolicy> channels();

    /** Abandons quicker than this are counted but left out of the service level (docs/architecture.md §1). */
    @WithDefault("5s")
    Duration shortAbandon();

    /** A contact by the same customer about the same subject within this time undoes first-contact resolution. */
    @WithDefault("7d")
    Duration repeatContactWindow();

    /** How long a finished contact is remembered for de-duplication of late redeliveries. */
    @WithDefault("24h")
    Duration finishedContactRetention();

    /**
     * At most this many contacts are remembered at once: open ones (never dropped) and finished ones for
     * de-duplication, the longest finished forgotten first beyond it. Bounds the heap, docs/scaling.md.
     */
    @WithDefault("200000")
    int maxContacts();

    /** At most this many customer-and-subject pairs are tracked for repeat contacts (FCR), least recent dropped. */
    @WithDefault("500000")
    int maxRepeatSubjects();

    Alerts alerts();

    /** What a handled minute costs per channel, for cost per contact against revenue per contact. */
    Cost cost();

    /** The work-service's calendar, which opens and closes the channels (ChannelCalendar). */
    Calendar calendar();

    /** Channels a closed channel may send its customers to, most preferred first when their waits are equal. */
    @WithDefault("WHATSAPP,PHONE,WEBSHOP,SOCIAL")
    List<Channel> alternatives();

    default ChannelPolicy policy(Channel channel) {
        ChannelPolicy policy = channels().get(channel.name().toLowerCase(Locale.ROOT));
        if (policy == null) {
            throw new IllegalStateException("no switchboard.ops.channels." + channel.name().toLowerCase(Locale.ROOT)
                    + ".* configuration");
        }
        return policy;
    }

    /** The cost of the channels and the currency of cost and revenue (docs/metrics.md, "cost per contact"). */
    interface Cost {

        /** Cost and revenue are in this currency; an offer accepted in another one adds nothing to revenue. */
        @WithDefault("EUR")
        String currency();

        /** Per channel (lower-case name): what one minute of an agent's handling costs. */
        Map<String, Double> perHandlingMinute();

        /** Per channel (lower-case name): how many contacts an agent handles at once, which share that minute. */
        Map<String, Integer> concurrency();

        /** What one minute of handling a contact of the channel costs: the agent's minute shared by its contacts. */
        default double perContactMinute(Channel channel) {
            String key = channel.name().toLowerCase(Locale.ROOT);
            Double perMinute = perHandlingMinute().get(key);
            Integer shared = concurrency().get(key);
            if (perMinute == null || perMinute < 0 || shared == null || shared < 1) {
                throw new IllegalStateException("switchboard.ops.cost.per-handling-minute." + key + " (>= 0) and "
                        + "switchboard.ops.cost.concurrency." + key + " (>= 1) are needed, found " + perMinute
                        + " and " + shared);
            }
            return perMinute / shared;
        }
    }

    interface Calendar {

        /** A calendar that could not be read stays UNKNOWN (the channel judged by its queue) this long. */
        @WithDefault("30s")
        Duration unknownFor();
    }

    interface Alerts {

        /** How often alert conditions are evaluated. */
        @WithDefault("5s")
        Duration interval();

        /**
         * First evaluation after a start; alerts then also wait until the replay of the topics has caught up
         * (the readiness check "board replay").
         */
        @WithDefault("5s")
        Duration startDelay();

        /** Complaint topics by keyword: topic name to the words that place a complaint in it. */
        Map<String, List<String>> complaintTopics();

        /**
         * An unmapped-delivery alert per channel stays raised while deliveries of that channel arrived on
         * contacts.unmapped within this period.
         */
        @WithDefault("1h")
        Duration unmappedWindow();

        /** The recent period whose complaints are compared with the baseline. */
        @WithDefault("15m")
        Duration surgeWindow();

        /** The period before the surge window that sets the normal complaint rate. */
        @WithDefault("4h")
        Duration surgeBaseline();

        /** A surge is this many times the baseline rate ... */
        @WithDefault("3")
        double surgeFactor();

        /** ... and at least this many complaints in the window. */
        @WithDefault("5")
        int surgeMinimum();

        /** A service-level alert needs this many answered or late-abandoned contacts in its window. */
        @WithDefault("5")
        int serviceLevelMinimum();

        /** The window ({@code 1m}, {@code 5m} or {@code 15m}) whose service level is compared with the goal. */
        @WithDefault("15m")
        String serviceLevelWindow();

        /**
         * A channel's replies are failing when more than this share of those sent or failed in the reply window
         * failed (refused by the provider, or reported undeliverable) ...
         */
        @WithDefault("0.2")
        double replyFailureShare();

        /** ... out of at least this many, so that one failed reply on a quiet channel raises nothing. */
        @WithDefault("5")
        int replyFailureMinimum();

        /** The window ({@code 1m}, {@code 5m} or {@code 15m}) whose replies are counted. */
        @WithDefault("15m")
        String replyFailureWindow();
    }

    interface ChannelPolicy {

        /** Answered within this wait counts as within service level (e.g. phone 20 s, WhatsApp 5 min). */
        Duration serviceLevelTarget();

        /** The share that should be answered within the target (e.g. 0.8 for "80 % in 20 s"). */
        double serviceLevelGoal();

        /** The channel closes for new contacts when their expected wait would exceed this. */
        Duration maxExpectedWait();

        /** A contact waiting longer than this raises a queue-age alert. */
        Duration queueAgeLimit();
    }
}
