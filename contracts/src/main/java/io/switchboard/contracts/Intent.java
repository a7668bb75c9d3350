package io.switchboard.contracts;

/** The tasks of a service desk. */
public enum Intent {
    INFORMATION,
    BROCHURE_OR_CONFIRMATION,
    COMPLAINT,
    SALES,
    ORDER,
    FAULT_REPORT,
    RESERVATION,
    TECHNICIAN_VISIT,
    COMPLEX_INQUIRY,
    NEWSLETTER,
    SWITCHBOARD
}
