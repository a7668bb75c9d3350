package io.switchboard.adapter.phone.service;

import java.util.Optional;

/** Whether the agent a caller was connected to answered, from the {@code DialCallStatus} of the {@code <Dial action>}. */
public enum DialOutcome {
    /** {@code answered} or {@code completed}: the caller talked to the agent. */
    CONNECTED,
    /** {@code no-answer}, {@code busy}, {@code failed} or {@code canceled}: the caller still waits for an agent. */
    MISSED;

    public static Optional<DialOutcome> of(String dialCallStatus) {
        return Optional.ofNullable(switch (dialCallStatus == null ? "" : dialCallStatus) {
            case "answered", "completed" -> CONNECTED;
            case "no-answer", "busy", "failed", "canceled" -> MISSED;
            default -> null;
        });
    }
}
