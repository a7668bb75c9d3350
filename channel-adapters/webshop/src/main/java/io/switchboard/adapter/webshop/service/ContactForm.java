package io.switchboard.adapter.webshop.service;

/**
 * The shop's own contact form or order question, posted as JSON and signed {@code X-Switchboard-Signature:
 * sha256=<hex HMAC-SHA256 of the body>} (docs/channels.md).
 *
 * @param messageId the shop's id for this submission; a resubmission with the same id is the same contact
 */
public record ContactForm(String messageId, String name, String email, String phone, String orderNumber,
        String subject, String message, String language) {
}
