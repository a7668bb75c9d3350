package io.switchboard.ops.metrics;

/**
 * The next-best offers of one scope over one period, by the {@code OFFER_SHOWN} and {@code OFFER_ACCEPTED} steps
 * on contacts.lifecycle (docs/metrics.md, "revenue"), each at its own {@code occurredAt}.
 *
 * @param shown             offers shown to the agent holding the item
 * @param accepted          offers the customer took (recorded by the agent, or a matching webshop order)
 * @param takeUp            accepted ÷ shown
 * @param revenue           the accepted offers' values in {@code switchboard.ops.cost.currency}
 * @param revenuePerContact revenue ÷ completed contacts
 * @param otherCurrency     accepted offers valued in another currency: counted as accepted, not in revenue
 */
public record OfferFigures(
        long shown,
        long accepted,
        Double takeUp,
        double revenue,
        Double revenuePerContact,
        long otherCurrency) {

    static OfferFigures of(Counts counts) {
        return new OfferFigures(counts.offersShown, counts.offersAccepted,
                Figures.ratio(counts.offersAccepted, counts.offersShown), counts.revenue,
                Figures.ratio(counts.revenue, counts.completed), counts.offersInOtherCurrency);
    }
}
