package io.switchboard.adapter.social.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * A Meta Graph API webhook notification for a page ({@code object=page}: feed posts and comments, Messenger)
 * (also its comments in groups, {@code group_feed}) or an Instagram account ({@code object=instagram}: comments, mentions, direct messages), as far as Switchboard
 * reads it. One notification may carry several entries, each with several events.
 */
public record MetaNotification(String object, List<Entry> entry) {

    /** @param id the page or Instagram account the events are about */
    public record Entry(String id, List<Messaging> messaging, List<Change> changes) {
    }

    /** A message, or a receipt for one the account sent: {@code delivery} (Messenger) or {@code read}. */
    public record Messaging(Party sender, Party recipient, JsonNode timestamp, Message message, Delivery delivery,
            Read read) {
    }

    /** Messenger's delivery receipt: the delivered message ids where the client reports them, always a watermark. */
    public record Delivery(List<String> mids, JsonNode watermark) {
    }

    /** A read receipt: Messenger's has only a watermark, Instagram's the id of the message read. */
    public record Read(String mid, JsonNode watermark) {
    }

    public record Party(String id) {
    }

    /** A customer's message; a tapped quick reply carries its {@code quick_reply.payload}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Message(String mid, String text, Boolean isEcho, List<MediaAttachment> attachments,
            QuickReply quickReply) {

        /** The payload of the quick reply the customer tapped, null for a typed message. */
        public String quickReplyPayload() {
            return quickReply == null ? null : quickReply.payload();
        }
    }

    public record QuickReply(String payload) {
    }

    public record MediaAttachment(String type, MediaPayload payload) {
    }

    public record MediaPayload(String url) {
    }

    public record Change(String field, ChangeValue value) {
    }

    /** A feed or group feed change ({@code item}, {@code verb}, {@code comment_id}/{@code post_id},
     * {@code message}, {@code group_id}) or an Instagram comment ({@code id}, {@code text}) or mention
     * ({@code comment_id}, {@code media_id}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ChangeValue(String item, String verb, String postId, String commentId, String id, String message,
            String text, Author from, JsonNode createdTime, String groupId, String mediaId) {
    }

    public record Author(String id, String name, String username) {
    }
}
