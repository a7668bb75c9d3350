package io.switchboard.adapter.core.problem;

import io.switchboard.contracts.ProblemDetail;

/** Why an adapter refused a webhook; each reason is a problem type, an HTTP status and a metric tag. */
public enum Rejection {

    MALFORMED(400, "malformed-payload", "Malformed or unsupported payload"),
    SIGNATURE(401, "invalid-signature", "Missing or invalid signature"),
    VERIFICATION(403, "verification-failed", "Verification token does not match"),
    OVERSIZED(413, "payload-too-large", "Payload too large"),
    UNAVAILABLE(503, "broker-unavailable", "Event broker unavailable, retry later");

    private final int status;
    private final String slug;
    private final String title;

    Rejection(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public ProblemDetail problem(String detail, String instance) {
        return ProblemDetail.of(slug, title, status, detail, instance);
    }

    public String title() {
        return title;
    }

    /** The {@code reason} tag of the rejection metric. */
    public String reason() {
        return slug;
    }
}
