package io.switchboard.adapter.core.publish;

import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;

/**
 * Cuts the fields the work-service stores in bounded columns to their size (its Flyway migration V1:
 * {@code customer_key}, {@code customer_name}, {@code customer_email}, {@code customer_handle} varchar(300),
 * {@code customer_phone} and {@code provider} varchar(100), {@code language} varchar(20)), with a visible marker.
 * A valid contact must not fail in a column after its gateway got the 2xx; the text itself is unbounded there.
 */
final class ContactLengths {

    static final String MARKER = "…[truncated]";
    static final int KEY = 300;
    static final int NAME = 300;
    static final int EMAIL = 300;
    static final int HANDLE = 300;
    static final int PHONE = 100;
    static final int PROVIDER = 100;
    static final int LANGUAGE = 20;

    private ContactLengths() {
    }

    static ContactReceived fit(ContactReceived contact) {
        Customer customer = contact.customer();
        Customer fitted = new Customer(cut(customer.key(), KEY), cut(customer.phone(), PHONE),
                cut(customer.email(), EMAIL), cut(customer.handle(), HANDLE), cut(customer.name(), NAME));
        return new ContactReceived(contact.schemaVersion(), contact.contactId(), contact.channel(),
                cut(contact.provider(), PROVIDER), contact.providerMessageId(), contact.receivedAt(), fitted,
                contact.text(), cut(contact.language(), LANGUAGE), contact.publicPost(), contact.attachments(),
                contact.metadata());
    }

    static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - MARKER.length();
        // Never split a surrogate pair: half an emoji is not valid text.
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + MARKER;
    }
}
