package io.switchboard.ops.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the replay of the topics has rebuilt the board: before that its numbers are incomplete. */
@Readiness
@ApplicationScoped
public class BoardReadiness implements HealthCheck {

    private final ReplayProgress progress;

    public BoardReadiness(ReplayProgress progress) {
        this.progress = progress;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("board replay");
        if (progress.caughtUp()) {
            return response.up().build();
        }
        progress.behind().forEach((partition, toGo) -> response.withData(partition, toGo));
        return response.down().build();
    }
}
