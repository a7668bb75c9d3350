package io.switchboard.routing.policy;

/** A rule set that cannot become active; the previous one stays in force. */
public class InvalidRulesException extends RuntimeException {

    public InvalidRulesException(String message) {
        super(message);
    }

    public InvalidRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
