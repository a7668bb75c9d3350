package io.switchboard.work.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.OrderPlaced;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.model.Offer;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.repository.OfferRepository;
import io.switchboard.work.repository.WorkItemRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What service earns: the next-best offer of an item's customer ({@link CustomerTimeline}), recorded when it is shown
 * to the agent who holds the item (OFFER_SHOWN, once per item), and taken once (OFFER_ACCEPTED) — on the agent's
 * word, or when the customer orders the product in the webshop within {@code switchboard.offers.order-window}.
 */
@ApplicationScoped
public class Offers {

    private final WorkItemRepository items;
    private final OfferRepository offers;
    private final CustomerTimeline timeline;
    private final OfferSettings settings;
    private final OutboxRelay relay;
    private final Clock clock;

    public Offers(WorkItemRepository items, OfferRepository offers, CustomerTimeline timeline, OfferSettings settings,
            OutboxRelay relay, Clock clock) {
        this.items = items;
        this.offers = offers;
        this.timeline = timeline;
        this.settings = settings;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * The offer the holder of the item is shown now: the customer's next-best offer, recorded as shown the first
     * time (the same offer after that); null when the customer has none.
     */
    public Uni<Offer> shown(UUID itemId, String agentId) {
        Instant now = clock.instant();
        return held(itemId, agentId).chain(item -> timeline.of(item.customerKey())).chain(found -> {
            if (found.offer() == null) {
                return Uni.createFrom().nullItem();
            }
            return offers.show(itemId, agentId, found.offer().product(), now).invoke(offer -> {
                if (offer == null) {
                    throw WorkRequestRejected.conflict("work item " + itemId + " changed meanwhile; read it again");
                }
                relay.publishPending();
            });
        });
    }

    /** The holder records whether the customer took the item's offer. */
    public Uni<Offer> decide(UUID itemId, String agentId, boolean accepted, BigDecimal value, String currency) {
        if (accepted && (value == null || currency == null)) {
            throw WorkRequestRejected.invalid("an offer taken needs its value and currency");
        }
        Instant now = clock.instant();
        return held(itemId, agentId).chain(item -> offers.decide(itemId, agentId, accepted, value, currency, now))
                .invoke(offer -> {
                    if (offer == null) {
                        throw WorkRequestRejected.conflict("no offer was shown on work item " + itemId);
                    }
                    if (!accepted && offer.acceptedAt() != null) {
                        throw WorkRequestRejected.conflict("the offer on work item " + itemId + " was taken ("
                                + offer.source() + ")");
                    }
                    relay.publishPending();
                });
    }

    /** A webshop order takes the offers of its products shown to its customer within the window; how many. */
    public Uni<Long> orderPlaced(OrderPlaced order) {
        Instant placed = order.placedAt() != null ? order.placedAt() : clock.instant();
        OrderPlaced dated = order.placedAt() != null ? order : new OrderPlaced(order.schemaVersion(), order.eventId(),
                order.provider(), order.orderId(), order.customer(), order.lines(), order.total(), order.currency(),
                placed);
        return offers.matchOrder(dated, placed.minus(settings.orderWindow())).invoke(taken -> {
            if (taken > 0) {
                relay.publishPending();
            }
        });
    }

    /** The item, when the agent holds it (items keep their holder once completed). */
    private Uni<WorkItem> held(UUID itemId, String agentId) {
        return items.find(itemId).map(found -> {
            if (found == null) {
                throw WorkRequestRejected.notFound("no work item " + itemId);
            }
            if (!agentId.equals(found.item().agentId())) {
                throw WorkRequestRejected.notHolder("work item " + itemId + " is not held by " + agentId);
            }
            return found.item();
        });
    }
}
