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
}
