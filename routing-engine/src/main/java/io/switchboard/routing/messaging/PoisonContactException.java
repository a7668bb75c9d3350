package io.switchboard.routing.messaging;

/** A message on {@code contacts.inbound} that can never be routed; it goes to {@code contacts.dlq}. */
public class PoisonContactException extends RuntimeException {

    public PoisonContactException(String message, Throwable cause) {
        super(message, cause);
    }
}
