package io.switchboard.work.model;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One conversation with a customer on one channel, from queued to completed. */
@Entity
@Table(name = "work_item")
public class WorkItem {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public String contactId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "customer_key")
    public String customerKey;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "customer_phone")
    public String customerPhone;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_handle")
    public String customerHandle;

    public String language;

    @Enumerated(EnumType.STRING)
    public Rst rst;

    @Enumerated(EnumType.STRING)
    public Intent intent;

    @Enumerated(EnumType.STRING)
    public Office office;

    public int priority;

    @Column(name = "required_skills")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> requiredSkills;

    @Column(name = "sla_seconds")
    public int slaSeconds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> explanation;

    @Column(name = "postal_code")
    public String postalCode;

    @Enumerated(EnumType.STRING)
    public WorkState state;

    @Column(name = "agent_id")
    public String agentId;

    /** When the item first entered a queue; kept on requeue so the item returns to the head of its queue. */
    @Column(name = "queued_at")
    public Instant queuedAt;

    @Column(name = "reserved_at")
    public Instant reservedAt;

    @Column(name = "reservation_expires_at")
    public Instant reservationExpiresAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public String resolution;

    @Column(name = "first_contact_resolution")
    public Boolean firstContactResolution;

    public String notes;

    @Convert(converter = JsonText.Escalations.class)
    public List<Escalation> escalations = new ArrayList<>();

    @Column(name = "visit_from")
    public Instant visitFrom;

    @Column(name = "visit_to")
    public Instant visitTo;

    /** Back to the queue, keeping its original age. */
    public void requeue() {
        state = WorkState.QUEUED;
        agentId = null;
        reservedAt = null;
        reservationExpiresAt = null;
        acceptedAt = null;
    }
}
