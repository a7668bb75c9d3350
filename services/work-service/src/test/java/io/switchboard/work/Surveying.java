package io.switchboard.work;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link ReportTest.OnReportClock} with surveys on (the other tests run without): asked a second after completion,
 * looked for every second. One application for {@link SurveyTest}, on the system's time, and
 * {@link ReportFeedbackTest}, on a test day's.
 */
public class Surveying extends ReportTest.OnReportClock {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.putAll(Map.of("switchboard.survey.enabled", "true", "switchboard.survey.delay", "PT1S",
                "switchboard.survey.interval", "1s"));
        return overrides;
    }
}
