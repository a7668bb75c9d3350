package io.switchboard.work.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.work.model.CustomerLink;
import io.switchboard.work.model.CustomerProfile;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.repository.CustomerLinkRepository;
import io.switchboard.work.repository.CustomerProfileRepository;
import io.switchboard.work.repository.WorkItemRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One view of a customer across channels. The person is the customer key asked for, every key explicitly linked to
 * it (transitively), and every key of contacts that carried the same phone number or e-mail address (WhatsApp and
 * phone share a number, the webshop and e-mail share an address). With a profile, the next-best offer is the product
 * most held by other customers of the same segment that this customer does not have yet.
 */
@ApplicationScoped
public class CustomerTimeline {

    /** Keeps a chain of links and shared numbers from growing without bound. */
    private static final int MAX_DEPTH = 5;

    private final WorkItemRepository items;
    private final CustomerLinkRepository links;
    private final CustomerProfileRepository profiles;

    public CustomerTimeline(WorkItemRepository items, CustomerLinkRepository links, CustomerProfileRepository profiles) {
        this.items = items;
        this.links = links;
        this.profiles = profiles;
    }

    /**
     * The customer's timeline for a supervisor or ops ({@code readsAll}), or for an agent who holds or completed an
     * item of this customer key: an agent reads the customers they serve, not anyone's history (403 otherwise).
     */
    public Uni<Timeline> of(String customerKey, String callerId, boolean readsAll) {
        Uni<Boolean> allowed = readsAll ? Uni.createFrom().item(true) : items.handledBy(customerKey, callerId);
        return allowed.chain(yes -> {
            if (!yes) {
                throw WorkRequestRejected.forbidden(callerId + " holds and held no item of customer " + customerKey
                        + "; agents read the timelines of the customers they serve");
            }
            return of(customerKey);
        });
    }

    @WithSession
    Uni<Timeline> of(String customerKey) {
        return person(new Person(Set.of(customerKey), Set.of(), Set.of(), List.of()), 0).chain(person -> profiles
                .byKeys(List.copyOf(person.keys())).chain(known -> {
                    CustomerProfile profile = profileOf(customerKey, known);
                    return offerFor(profile).map(offer -> new Timeline(customerKey, person.keys(), profile, offer,
                            person.contacts()));
                }));
    }

    /** Links both ways: the person is found from either key. */
    @WithTransaction
    public Uni<Void> link(String customerKey, String otherKey) {
        if (customerKey.equals(otherKey)) {
            throw WorkRequestRejected.invalid("a customer key cannot be linked to itself");
        }
        return links.findById(new CustomerLink.Key(customerKey, otherKey)).chain(existing -> existing != null
                ? Uni.createFrom().voidItem()
                : links.persist(CustomerLink.of(customerKey, otherKey))
                        .chain(() -> links.persist(CustomerLink.of(otherKey, customerKey))).replaceWithVoid());
    }

    /** Creates or replaces profiles; returns how many were stored. */
    @WithTransaction
    public Uni<Integer> importProfiles(List<CustomerProfile> imported) {
        return profiles.byKeys(imported.stream().map(profile -> profile.customerKey).toList()).chain(existing -> {
            Map<String, CustomerProfile> byKey = existing.stream()
                    .collect(Collectors.toMap(profile -> profile.customerKey, Function.identity()));
            List<CustomerProfile> fresh = imported.stream().filter(profile -> {
                CustomerProfile stored = byKey.get(profile.customerKey);
                if (stored == null) {
                    return true;
                }
                stored.name = profile.name;
                stored.segment = profile.segment;
                stored.products = profile.products;
                return false;
            }).toList();
            return profiles.persist(fresh.stream()).replaceWith(imported.size());
        });
    }

    /**
     * Grows the person to a fixed point: keys linked to its keys, then contacts with any of its keys, phone numbers
     * or e-mail addresses, whose keys may carry further links.
     */
    private Uni<Person> person(Person known, int depth) {
        return links.linkedTo(known.keys()).chain(linked -> {
            Set<String> keys = new LinkedHashSet<>(known.keys());
            keys.addAll(linked);
            return items.ofCustomers(keys, known.phones(), known.emails()).chain(contacts -> {
                Set<String> phones = new HashSet<>(known.phones());
                Set<String> emails = new HashSet<>(known.emails());
                contacts.forEach(item -> keys.add(item.customerKey()));
                phones.addAll(values(contacts, WorkItem::customerPhone));
                emails.addAll(values(contacts, WorkItem::customerEmail));
                Person grown = new Person(keys, phones, emails, contacts);
                boolean complete = keys.equals(known.keys()) && phones.equals(known.phones())
                        && emails.equals(known.emails());
                return complete || depth == MAX_DEPTH ? Uni.createFrom().item(grown) : person(grown, depth + 1);
            });
        });
    }

    private record Person(Set<String> keys, Set<String> phones, Set<String> emails, List<WorkItem> contacts) {
    }

    private static List<String> values(List<WorkItem> items, Function<WorkItem, String> field) {
        return items.stream().map(field).filter(Objects::nonNull).distinct().toList();
    }

    /** The profile of the asked key, else of any key of the same person. */
    private static CustomerProfile profileOf(String customerKey, List<CustomerProfile> known) {
        return known.stream().filter(profile -> profile.customerKey.equals(customerKey)).findFirst()
                .orElse(known.isEmpty() ? null : known.get(0));
    }

    private Uni<Offer> offerFor(CustomerProfile profile) {
        if (profile == null) {
            return Uni.createFrom().nullItem();
        }
        return profiles.inSegment(profile.segment).map(peers -> {
            List<CustomerProfile> others = peers.stream()
                    .filter(peer -> !peer.customerKey.equals(profile.customerKey)).toList();
            Map<String, Long> held = others.stream().flatMap(peer -> peer.products.stream())
                    .filter(product -> !profile.products.contains(product))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            return held.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(best -> new Offer(best.getKey(), (double) best.getValue() / others.size(),
                            "held by " + best.getValue() + " of " + others.size() + " other " + profile.segment
                                    + " customers"))
                    .orElse(null);
        });
    }

    public record Timeline(String customerKey, Collection<String> keys, CustomerProfile profile, Offer offer,
            List<WorkItem> contacts) {
    }

    /** @param share of the segment's other customers who have the product */
    public record Offer(String product, double share, String reason) {
    }
}
