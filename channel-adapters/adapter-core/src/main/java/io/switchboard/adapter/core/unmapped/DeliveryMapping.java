package io.switchboard.adapter.core.unmapped;

import io.smallrye.mutiny.Uni;

import java.util.Set;

/**
 * How an adapter maps the verified deliveries of its endpoints: publishes the contacts and abandons in them, or
 * counts them as non-contacts. The live webhook and the replay of {@code contacts.unmapped} run the same mapping.
 */
public interface DeliveryMapping {

    /** The webhook paths (without query) whose deliveries this maps. */
    Set<String> endpoints();

    /**
     * @return completes once Kafka acknowledged everything the delivery yields
     * @throws UnmappableException (or fails with it) when the delivery cannot be mapped
     */
    Uni<Void> map(SignedDelivery delivery);
}
