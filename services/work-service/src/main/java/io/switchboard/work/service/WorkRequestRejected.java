package io.switchboard.work.service;

/** A request the work service refuses, with the HTTP status that says why. */
public class WorkRequestRejected extends RuntimeException {

    private final int status;
    private final String title;

    private WorkRequestRejected(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static WorkRequestRejected notFound(String detail) {
        return new WorkRequestRejected(404, "Not found", detail);
    }

    public static WorkRequestRejected notHolder(String detail) {
        return new WorkRequestRejected(403, "Not the holder", detail);
    }

    public static WorkRequestRejected forbidden(String detail) {
        return new WorkRequestRejected(403, "Forbidden", detail);
    }

    public static WorkRequestRejected conflict(String detail) {
        return new WorkRequestRejected(409, "Conflict", detail);
    }

    /** The provider accepts no free text now (its customer-service window closed). */
    public static WorkRequestRejected windowClosed(String detail) {
        return new WorkRequestRejected(409, "Reply window closed", detail);
    }

    /** The item's channel carries no text answer (a call, a store visit). */
    public static WorkRequestRejected notATextChannel(String detail) {
        return new WorkRequestRejected(422, "Not a text channel", detail);
    }

    public static WorkRequestRejected invalid(String detail) {
        return new WorkRequestRejected(400, "Invalid request", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
