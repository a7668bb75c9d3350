package io.switchboard.adapter.social.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * An X Account Activity API event for the subscribed account {@code for_user_id}: posts that mention or reply to
 * it, direct messages and their read receipts, as far as Switchboard reads them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record XActivity(String forUserId, List<Post> tweetCreateEvents, List<DirectMessage> directMessageEvents,
        List<ReadReceipt> directMessageMarkReadEvents, Map<String, User> users) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Post(String idStr, String text, ExtendedPost extendedTweet, User user, JsonNode timestampMs,
            String inReplyToStatusIdStr) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ExtendedPost(String fullText) {
    }

    /** Posts carry {@code id_str}, the users map of a direct message {@code id}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record User(String id, String idStr, String screenName, String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DirectMessage(String type, String id, JsonNode createdTimestamp, MessageCreate messageCreate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MessageCreate(String senderId, MessageData messageData) {
    }

    /** A direct message's content; an option the customer chose carries its {@code quick_reply_response.metadata}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MessageData(String text, QuickReplyResponse quickReplyResponse) {

        /** The metadata of the quick reply option the customer chose, null for a typed message. */
        public String quickReplyMetadata() {
            return quickReplyResponse == null ? null : quickReplyResponse.metadata();
        }
    }

    public record QuickReplyResponse(String type, String metadata) {
    }

    /** {@code sender_id} read the conversation up to the direct message {@code last_read_event_id}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReadReceipt(String senderId, String lastReadEventId, JsonNode createdTimestamp) {
    }
}
