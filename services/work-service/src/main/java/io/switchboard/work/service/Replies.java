package io.switchboard.work.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.model.ConversationMessage;
import io.switchboard.work.model.Reply;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.repository.ReplyRepository;
import io.switchboard.work.repository.ReplyRepository.NewReply;
import io.switchboard.work.repository.WorkItemRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Agents answer the customer of an item they hold: the reply is stored on the item's thread and handed to the
 * channel's adapter (OutboundMessage on {@code contacts.outbound}) in one statement; the adapters' delivery statuses
 * move it forward.
 */
@ApplicationScoped
public class Replies {

    private static final Logger LOG = Logger.getLogger(Replies.class);

    private final WorkItemRepository items;
    private final ReplyRepository replies;
    private final ReplyWindows windows;
    private final OutboxRelay relay;
    private final WorkSettings settings;
    private final Clock clock;

    public Replies(WorkItemRepository items, ReplyRepository replies, ReplyWindows windows, OutboxRelay relay,
            WorkSettings settings, Clock clock) {
        this.items = items;
        this.replies = replies;
        this.windows = windows;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
    }

    /** A reply as the agent's client sends it. */
    public record Request(String text, List<Attachment> attachments, String templateName, String templateLanguage,
            boolean privateReply, String idempotencyKey) {
    }

    /**
     * @param created false when the idempotency key was used before on the item: {@code reply} is that reply
     */
    public record Outcome(Reply reply, boolean created) {
    }

    /**
     * Stores and sends the reply, or returns the one stored before under the same idempotency key (nothing is sent
     * again). Only the holder of an ACCEPTED item answers: a reserved item is an offer the agent has not taken yet.
     */
    public Uni<Outcome> reply(UUID itemId, String agentId, Request request) {
        Instant now = clock.instant();
        return items.find(itemId).chain(found -> {
            if (found == null) {
                throw WorkRequestRejected.notFound("no work item " + itemId);
            }
            WorkItem item = found.item();
            if (!agentId.equals(item.agentId())) {
                throw WorkRequestRejected.notHolder("work item " + itemId + " is not held by " + agentId);
            }
            return replies.byKey(itemId, request.idempotencyKey()).chain(earlier -> {
                if (earlier != null) {
                    return Uni.createFrom().item(new Outcome(earlier, false));
                }
                if (item.state() != WorkState.ACCEPTED) {
                    throw WorkRequestRejected.conflict("work item " + itemId + " is " + item.state()
                            + "; replies go to the customer of an ACCEPTED item");
                }
                windows.check(item.channel(), latestInbound(found.messages()), request.templateName(), now);
                return replies.request(newReply(itemId, agentId, request, now))
                        .chain(stored -> stored != null ? sent(stored) : raced(itemId, request));
            });
        });
    }

    /** Applies an adapter's or provider's delivery status; a failed CONNECT returns its item to the queue. */
    public Uni<ReplyRepository.Applied> deliveryStatus(ReplyStatus status) {
        return replies.apply(status, clock.instant().plus(settings.reofferExclusion()), settings.maxReoffers())
                .invoke(applied -> {
                    if (applied.outcome() == ReplyRepository.Outcome.APPLIED) {
                        relay.publishPending();
                    }
                });
    }

    /** Provider statuses kept for a SENT that never came (a message of another system on the same number or page). */
    @Scheduled(every = "${switchboard.work.early-status-sweep-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetUnmatchedStatuses() {
        return replies.forgetEarlyStatusesBefore(clock.instant().minus(settings.earlyStatusRetention()))
                .invoke(forgotten -> {
                    if (forgotten > 0) {
                        LOG.infof("%d provider statuses matched no sent reply within %s and were forgotten", forgotten,
                                settings.earlyStatusRetention());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Sweep of unmatched provider statuses failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Outcome> sent(Reply stored) {
        relay.publishPending();
        return Uni.createFrom().item(new Outcome(stored, true));
    }

    /** Nothing was stored: the same key won meanwhile, or the item changed hands or state. */
    private Uni<Outcome> raced(UUID itemId, Request request) {
        return replies.byKey(itemId, request.idempotencyKey()).map(earlier -> {
            if (earlier == null) {
                throw WorkRequestRejected.conflict("work item " + itemId + " changed meanwhile; read it again");
            }
            return new Outcome(earlier, false);
        });
    }

    private static ConversationMessage latestInbound(List<ConversationMessage> thread) {
        return thread.stream().filter(ConversationMessage::inbound).reduce((first, second) -> second).orElse(null);
    }

    private static NewReply newReply(UUID itemId, String agentId, Request request, Instant now) {
        try {
            return new NewReply(itemId, agentId, request.text(),
                    Json.mapper().writeValueAsString(request.attachments()), request.templateName(),
                    request.templateLanguage(), request.privateReply(), request.idempotencyKey(), now);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attachments not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
