package io.switchboard.routing.messaging;

/** The corrections topic could not be read: a retrain without the agents' corrections would unlearn them. */
public class CorrectionsUnavailableException extends RuntimeException {

    public CorrectionsUnavailableException(String message) {
        super(message);
    }

    public CorrectionsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
