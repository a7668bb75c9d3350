package io.switchboard.work.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.work.model.ContactMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContactMessageRepository implements PanacheRepositoryBase<ContactMessage, String> {

    public Uni<List<ContactMessage>> conversation(UUID workItemId) {
        return list("workItemId = ?1 order by receivedAt, contactId", workItemId);
    }
}
