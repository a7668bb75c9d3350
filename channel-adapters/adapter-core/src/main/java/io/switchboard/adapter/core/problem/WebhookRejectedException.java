package io.switchboard.adapter.core.problem;

/** A webhook the adapter refuses; answered as an RFC 9457 problem by {@link ProblemMapper}. */
public class WebhookRejectedException extends RuntimeException {

    private final Rejection rejection;

    public WebhookRejectedException(Rejection rejection, String detail, Throwable cause) {
        super(detail, cause);
        this.rejection = rejection;
    }

    public static WebhookRejectedException malformed(String detail) {
        return new WebhookRejectedException(Rejection.MALFORMED, detail, null);
    }

    public static WebhookRejectedException badSignature(String detail) {
        return new WebhookRejectedException(Rejection.SIGNATURE, detail, null);
    }

    public static WebhookRejectedException verificationFailed(String detail) {
        return new WebhookRejectedException(Rejection.VERIFICATION, detail, null);
    }

    public static WebhookRejectedException unavailable(Throwable cause) {
        return new WebhookRejectedException(Rejection.UNAVAILABLE,
                "the event could not be written to Kafka (" + cause.getMessage() + "); nothing was accepted", cause);
    }

    public Rejection rejection() {
        return rejection;
    }
}
