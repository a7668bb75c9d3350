package io.switchboard.work.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** Two customer keys that belong to one person, as a supervisor linked them. */
@Entity
@Table(name = "customer_link")
@IdClass(CustomerLink.Key.class)
public class CustomerLink {

    @Id
    @Column(name = "customer_key")
    public String customerKey;

    @Id
    @Column(name = "linked_key")
    public String linkedKey;

    public static CustomerLink of(String customerKey, String linkedKey) {
        CustomerLink link = new CustomerLink();
        link.customerKey = customerKey;
        link.linkedKey = linkedKey;
        return link;
    }

    public record Key(String customerKey, String linkedKey) implements Serializable {
    }
}
