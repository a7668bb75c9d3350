package io.switchboard.adapter.core.outbound;

import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * A provider's refusal of an outbound message, or a failure to reach it. {@link #retryable()} decides between
 * back-off and a visible {@code FAILED} status: network errors, 429 and 5xx are worth another try, any other 4xx
 * is not (a retry storm would only repeat the refusal).
 */
public class ProviderException extends RuntimeException {

    private final int status;
    private final boolean retryable;

    public ProviderException(int status, String error, boolean retryable) {
        super(error);
        this.status = status;
        this.retryable = retryable;
    }

    /** The provider answered {@code status} with {@code error} (its code and message, as it sent them). */
    public static ProviderException ofStatus(int status, String error) {
        return new ProviderException(status, status + " " + error, status == 429 || status >= 500);
    }

    /** The provider could not be reached at all. */
    public static ProviderException unreachable(Throwable cause) {
        ProviderException exception = new ProviderException(0, "unreachable: " + cause.getMessage(), true);
        exception.initCause(cause);
        return exception;
    }

    /**
     * What a failed call means for the reply: a provider not reached at all (connection refused, unknown host) is
     * {@link #unreachable} and worth another try. Anything else (a read timeout, a connection cut after sending)
     * leaves unknown whether the request was done, so {@code failure} is returned as it is and the loop reports the
     * reply UNCONFIRMED instead of possibly sending it twice.
     */
    public static RuntimeException ofTransportFailure(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return unreachable(cause);
            }
        }
        return failure;
    }

    /** A message this provider can never deliver as it is (e.g. no recipient address known). */
    public static ProviderException undeliverable(String reason) {
        return new ProviderException(0, reason, false);
    }

    /** The HTTP status the provider answered, 0 when there was none. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }
}
