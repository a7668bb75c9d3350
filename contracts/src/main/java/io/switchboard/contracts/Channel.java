package io.switchboard.contracts;

/** The ways a customer reaches the organisation. */
public enum Channel {
    PHONE, WHATSAPP, SOCIAL, WEBSHOP, STORE
}
