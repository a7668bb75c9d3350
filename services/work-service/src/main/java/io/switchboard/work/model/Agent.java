package io.switchboard.work.model;

import io.switchboard.contracts.Office;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An agent's profile (kept by supervisors) and presence (kept by the agent's own calls). */
@Entity
public class Agent {

    @Id
    public String id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Office office;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> skills;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages;

    /** Postal-code prefixes a technician covers; empty covers everywhere. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> regions;

    /** Channel name to how many items of that channel the agent can hold at once. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> capacity;

    @Enumerated(EnumType.STRING)
    public AgentStatus status;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Why the agent is AWAY (an {@link AwayReason}); kept by the agent's own status calls. */
    @Column(name = "status_reason", insertable = false, updatable = false)
    public String statusReason;

    /** While WRAP_UP: when it ends. */
    @Column(name = "wrap_up_until", insertable = false, updatable = false)
    public Instant wrapUpUntil;

    /** The agent's own wrap-up time after a completed item; null: {@code switchboard.work.wrap-up}. */
    @Column(name = "wrap_up_seconds")
    public Integer wrapUpSeconds;

    /** Where a caller is connected to the agent: a Twilio Client identity (client:…), a SIP URI or +E.164. */
    @Column(name = "phone_address")
    public String phoneAddress;

    /** Where a store visitor's ticket is called to: the queue system's {@code desk:<id>} and/or {@code user:<id>}. */
    public String desk;

    /** Reservations the agent let expire, counted by the sweep that returns them. */
    @Column(name = "reservation_timeouts", insertable = false, updatable = false)
    public int reservationTimeouts;
}
