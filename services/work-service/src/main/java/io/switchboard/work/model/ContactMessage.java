package io.switchboard.work.model;

import io.switchboard.contracts.Attachment;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message of the conversation a work item handles: the opening contact or a follow-up that joined it. */
@Entity
@Table(name = "contact_message")
public class ContactMessage {

    @Id
    @Column(name = "contact_id")
    public String contactId;

    @Column(name = "work_item_id")
    public UUID workItemId;

    public String provider;

    public String text;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Convert(converter = JsonText.Attachments.class)
    public List<Attachment> attachments;
}
