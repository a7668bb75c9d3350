package io.switchboard.work.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/** A known customer's segment and the products or services they have. */
@Entity
@Table(name = "customer_profile")
public class CustomerProfile {

    @Id
    @Column(name = "customer_key")
    public String customerKey;

    public String name;

    public String segment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> products;
}
