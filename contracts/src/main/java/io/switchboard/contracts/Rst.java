package io.switchboard.contracts;

/** The RST model: how a contact has to be handled. */
public enum Rst {
    /** Fixed procedure, limited complexity: the front office. */
    ROUTINE,
    /** Rare, needs specialist knowledge and experience: the back office. */
    SPECIALIST,
    /** Cannot be settled by talking or writing: a fault, repair or installation. */
    TECHNICAL
}
