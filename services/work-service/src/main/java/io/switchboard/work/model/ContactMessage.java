package io.switchboard.work.model;

import io.switchboard.contracts.Attachment;

import java.time.Instant;
import java.util.List;

/** A message of the conversation a work item handles: the opening contact or a follow-up that joined it. */
public record ContactMessage(String contactId, String provider, String text, Instant receivedAt,
        List<Attachment> attachments) {
}
