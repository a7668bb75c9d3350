package io.switchboard.work.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.switchboard.work.model.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {
}
