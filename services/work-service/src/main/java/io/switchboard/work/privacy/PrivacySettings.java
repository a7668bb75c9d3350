package io.switchboard.work.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The data's lifecycle (docs/security.md, "Personal data"). */
@ConfigMapping(prefix = "switchboard.privacy")
public interface PrivacySettings {

    /** Message text (customers' messages, replies, survey comments) older than this is removed. */
    @WithDefault("P365D")
    Duration messageRetention();

    /** When the retention job runs (Quartz-style cron, in switchboard.reports.zone). */
    @WithDefault("0 30 3 * * ?")
    String retentionSchedule();
}
