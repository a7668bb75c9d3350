package io.switchboard.adapter.core.outbound;

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
