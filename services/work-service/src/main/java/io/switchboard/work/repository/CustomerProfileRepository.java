package io.switchboard.work.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.work.model.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CustomerProfileRepository implements PanacheRepositoryBase<CustomerProfile, String> {

    public Uni<List<CustomerProfile>> inSegment(String segment) {
        return list("segment", segment);
    }

    public Uni<List<CustomerProfile>> byKeys(List<String> keys) {
        return list("customerKey in ?1", keys);
    }
}
