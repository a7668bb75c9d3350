package io.switchboard.adapter.core.unmapped;

/**
 * A correctly signed delivery the adapter cannot map to a contact or a counted non-contact. It is not refused:
 * {@link SignedDeliveries} keeps it on {@code contacts.unmapped} with this reason, because providers do not retry
 * a 4xx and the customer's message would be gone.
 */
public class UnmappableException extends RuntimeException {

    /** Why a delivery could not be mapped; the {@code reason} tag of the unmapped metric, so a short fixed set. */
    public enum Reason {
        NOT_JSON("not-json"),
        UNEXPECTED_TYPE("unexpected-type"),
        MISSING_FIELD("missing-field"),
        INVALID_VALUE("invalid-value"),
        UNKNOWN_EVENT("unknown-event"),
        MAPPING_ERROR("mapping-error");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final Reason reason;

    public UnmappableException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public static UnmappableException missingField(String field) {
        return new UnmappableException(Reason.MISSING_FIELD, "required field '" + field + "' is missing");
    }

    public static UnmappableException invalidValue(String detail) {
        return new UnmappableException(Reason.INVALID_VALUE, detail);
    }

    public static UnmappableException unknownEvent(String detail) {
        return new UnmappableException(Reason.UNKNOWN_EVENT, detail);
    }

    /** Anything else the mapping code threw: a bug or a shape nobody foresaw, kept all the same. */
    static UnmappableException of(RuntimeException failure) {
        return failure instanceof UnmappableException unmappable ? unmappable
                : new UnmappableException(Reason.MAPPING_ERROR, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    public Reason reason() {
        return reason;
    }
}
