package io.switchboard.contracts;

/** Where work is done. */
public enum Office {
    FRONT_OFFICE, BACK_OFFICE, TECHNICIANS
}
