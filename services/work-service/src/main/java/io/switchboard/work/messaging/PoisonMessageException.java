package io.switchboard.work.messaging;

/** A message that can never be processed; it goes to the dead letter topic instead of being retried. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
