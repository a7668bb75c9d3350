package io.switchboard.work.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.work.model.CustomerLink;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class CustomerLinkRepository implements PanacheRepositoryBase<CustomerLink, CustomerLink.Key> {

    public Uni<List<String>> linkedTo(Collection<String> keys) {
        return list("customerKey in ?1", keys).map(links -> links.stream().map(link -> link.linkedKey).toList());
    }
}
