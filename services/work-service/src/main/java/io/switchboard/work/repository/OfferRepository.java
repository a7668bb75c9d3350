package io.switchboard.work.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.OrderPlaced;
import io.switchboard.work.model.Offer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.repository.WorkItemRows.at;

/**
 * Next-best offers on the reactive client: shown once per item, taken once — by the agent's word or a matching
 * webshop order — each change one statement with its lifecycle event in the outbox.
 */
@ApplicationScoped
public class OfferRepository {

    private static final String OFFER = """
            o.work_item_id, o.product, o.agent_id, o.shown_at, o.accepted_at, o.declined_at, o.value::text AS value,
            o.currency, o.source""";

    /** The offer $3 shown at $4 to agent $2, who holds item $1; an offer shown before on the item stays as it is. */
    private static final String SHOW = """
            WITH w AS (SELECT * FROM work_item WHERE id = $1 AND agent_id = $2 AND state IN ('RESERVED', 'ACCEPTED')),
            o AS (INSERT INTO offer (work_item_id, contact_id, customer_key, channel, office, agent_id, product,
                                     shown_at)
                  SELECT w.id, w.contact_id, w.customer_key, w.channel, w.office, w.agent_id, $3, $4 FROM w
                  ON CONFLICT (work_item_id) DO NOTHING
                  RETURNING *),
            %1$s
            SELECT %2$s FROM o
             UNION ALL
            SELECT %2$s FROM offer o WHERE o.work_item_id = $1 AND NOT EXISTS (SELECT 1 FROM o)"""
            .formatted(event("shown", "o", "'OFFER_SHOWN'", "$4", "jsonb_build_object('product', c.offer_product)"),
                    OFFER);

    /**
     * The holder ($2) of item $1 records at $6 that the customer took the offer ($3, for $4 in $5) or not: taken
     * once; a no may still become a yes, a yes stays.
     */
    private static final String DECIDE = """
            WITH o AS (UPDATE offer o
                          SET accepted_at = CASE WHEN $3 THEN $6::timestamptz END,
                              declined_at = CASE WHEN $3 THEN o.declined_at ELSE $6 END,
                              value = CASE WHEN $3 THEN $4::text::numeric END,
                              currency = CASE WHEN $3 THEN $5::text END,
                              source = CASE WHEN $3 THEN 'agent' END
                        WHERE o.work_item_id = $1 AND o.accepted_at IS NULL AND ($3 OR o.declined_at IS NULL)
                          AND EXISTS (SELECT 1 FROM work_item w WHERE w.id = $1 AND w.agent_id = $2)
                       RETURNING o.*),
            %1$s
            SELECT %2$s FROM o
             UNION ALL
            SELECT %2$s FROM offer o WHERE o.work_item_id = $1 AND NOT EXISTS (SELECT 1 FROM o)"""
            .formatted(accepted("o", "$6"), OFFER);

    /**
     * Order lines ($4) matched to the customer's untaken offers shown between $7 and $6 (the order's time): the
     * customer is the order's key ($1) and the keys linked to it, or has its e-mail address ($2) or phone number
     * ($3). A line is the product's when its title or SKU is the product (case-insensitive); each line takes the
     * latest such offer, each offer once, with the line's value in $5.
     */
    private static final String MATCH_ORDER = """
            WITH line AS (SELECT * FROM jsonb_to_recordset($4::text::jsonb) AS l(n int, product text, sku text,
                                                                                  value text)),
            keys AS (SELECT unnest($1::text[]) AS k
                     UNION SELECT linked_key FROM customer_link WHERE customer_key = ANY ($1)),
            theirs AS (SELECT o.work_item_id, o.product, o.shown_at, o.accepted_at FROM offer o
                        WHERE o.customer_key IN (SELECT k FROM keys)
                       UNION
                       SELECT o.work_item_id, o.product, o.shown_at, o.accepted_at
                         FROM work_item w JOIN offer o ON o.work_item_id = w.id
                        WHERE w.customer_email = $2 OR w.customer_phone = $3),
            candidate AS (SELECT DISTINCT ON (l.n) l.n, l.value, t.work_item_id
                            FROM line l JOIN theirs t ON lower(t.product) IN (lower(l.product), lower(l.sku))
                           WHERE t.accepted_at IS NULL AND t.shown_at BETWEEN $7 AND $6
                           ORDER BY l.n, t.shown_at DESC),
            matched AS (SELECT DISTINCT ON (work_item_id) work_item_id, value FROM candidate ORDER BY work_item_id, n),
            o AS (UPDATE offer o SET accepted_at = $6, value = m.value::numeric, currency = $5, source = 'order'
                    FROM matched m WHERE o.work_item_id = m.work_item_id AND o.accepted_at IS NULL
                  RETURNING o.*),
            %s
            SELECT count(*) FROM o""".formatted(accepted("o", "$6"));

    private final Pool pool;

    public OfferRepository(Pool pool) {
        this.pool = pool;
    }

    /** The item's offer: the one shown now, or the one shown before; null when the agent does not hold the item. */
    public Uni<Offer> show(UUID itemId, String agentId, String product, Instant now) {
        return pool.preparedQuery(SHOW).execute(Tuple.of(itemId, agentId, product, at(now)))
                .map(OfferRepository::offer);
    }

    /** The item's offer after the holder's word; null when no offer was shown on it. */
    public Uni<Offer> decide(UUID itemId, String agentId, boolean accepted, BigDecimal value, String currency,
            Instant now) {
        return pool.preparedQuery(DECIDE).execute(Tuple.tuple().addValue(itemId).addValue(agentId)
                        .addValue(accepted).addValue(value == null ? null : value.toPlainString()).addValue(currency)
                        .addValue(at(now)))
                .map(OfferRepository::offer);
    }

    /** How many offers the order took. */
    public Uni<Long> matchOrder(OrderPlaced order, Instant windowStart) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int n = 0; n < order.lines().size(); n++) {
            OrderPlaced.Line line = order.lines().get(n);
            Map<String, Object> row = new HashMap<>();
            row.put("n", n);
            row.put("product", line.product());
            row.put("sku", line.sku());
            row.put("value", line.value() == null ? "0" : line.value().toPlainString());
            lines.add(row);
        }
        return pool.preparedQuery(MATCH_ORDER).execute(Tuple.tuple()
                        .addValue(new String[] { order.customer().key() })
                        .addValue(order.customer().email()).addValue(order.customer().phone()).addValue(json(lines))
                        .addValue(order.currency()).addValue(at(order.placedAt())).addValue(at(windowStart)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** OFFER_ACCEPTED, as a CTE, for the taken offers among {@code offers}. */
    private static String accepted(String offers, String at) {
        return event("accepted", "(SELECT * FROM %s WHERE accepted_at IS NOT NULL)".formatted(offers),
                "'OFFER_ACCEPTED'", at, """
                jsonb_build_object('product', c.offer_product, 'value', c.offer_value::text, 'currency',
                        c.offer_currency, 'source', c.offer_source)""");
    }

    /** A lifecycle step of each offer of {@code offers}, on its item, with the offer's agent (who showed it). */
    private static String event(String name, String offers, String type, String at, String details) {
        return WorkItemRows.event(name, """
                (SELECT i.*, o.product AS offer_product, o.agent_id AS offer_agent, o.value AS offer_value,
                        o.currency AS offer_currency, o.source AS offer_source
                   FROM %s o JOIN work_item i ON i.id = o.work_item_id)""".formatted(offers), type, "c.offer_agent",
                at, details);
    }

    private static Offer offer(RowSet<Row> rows) {
        Iterator<Row> iterator = rows.iterator();
        if (!iterator.hasNext()) {
            return null;
        }
        Row row = iterator.next();
        String value = row.getString("value");
        return new Offer(row.getUUID("work_item_id"), row.getString("product"), row.getString("agent_id"),
                WorkItemRows.instant(row, "shown_at"), WorkItemRows.instant(row, "accepted_at"),
                WorkItemRows.instant(row, "declined_at"), value == null ? null : new BigDecimal(value),
                row.getString("currency"), row.getString("source"));
    }

    private static String json(List<?> rows) {
        try {
            return Json.mapper().writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("order lines not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
